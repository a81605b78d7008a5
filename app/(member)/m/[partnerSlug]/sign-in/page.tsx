import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormMessage } from "@/components/forms/form-message";
import { LanguageSwitch } from "@/components/member/language-switch";
import { MemberCard } from "@/components/member/member-card";
import { MemberSignInForm } from "@/components/member/sign-in-form";
import { getDb } from "@/db";
import { getCurrentMemberScope } from "@/lib/auth/member-session";
import { getPartnerBySlug } from "@/lib/data/member-auth";

type Props = { params: Promise<{ partnerSlug: string }>; searchParams: Promise<{ signedOut?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("metaTitle") };
}

export default async function MemberSignInPage({ params, searchParams }: Props) {
  const [{ partnerSlug }, { signedOut }] = await Promise.all([params, searchParams]);
  const [partner, scope, t] = await Promise.all([
    getPartnerBySlug(getDb(), partnerSlug),
    getCurrentMemberScope(),
    getTranslations("signIn"),
  ]);
  if (!partner) notFound();
  if (scope?.partnerSlug === partnerSlug) redirect(`/m/${partnerSlug}`);
  return (
    <MemberCard
      partnerName={partner.name}
      title={t("title", { partner: partner.name })}
      description={t("description")}
      footer={t("help", { partner: partner.name })}
    >
      <div className="mb-4 flex justify-center">
        <LanguageSwitch partnerSlug={partnerSlug} />
      </div>
      {signedOut && (
        <FormMessage type="success" className="mb-4">
          {t("signedOut")}
        </FormMessage>
      )}
      <MemberSignInForm partnerSlug={partnerSlug} />
    </MemberCard>
  );
}
