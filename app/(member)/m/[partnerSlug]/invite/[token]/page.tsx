import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/member/accept-invitation-form";
import { LanguageSwitch } from "@/components/member/language-switch";
import { MemberCard } from "@/components/member/member-card";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db";
import { memberSignInPath } from "@/lib/auth/member-session";
import { getPartnerBySlug } from "@/lib/data/member-auth";
import { lookupMemberInvitation } from "@/lib/services/accept-member-invitation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ partnerSlug: string; token: string }> };

/** A member's invitation link: choose a password, or a clear page for a link that no longer works. */
export default async function MemberInvitationPage({ params }: Props) {
  const { partnerSlug, token } = await params;
  const db = getDb();
  const raw = decodeToken(token);
  const [partner, lookup, t] = await Promise.all([
    getPartnerBySlug(db, partnerSlug),
    lookupMemberInvitation(db, partnerSlug, raw),
    getTranslations("invite"),
  ]);
  if (!partner) notFound();

  if (lookup.status !== "valid") {
    return (
      <MemberCard
        partnerName={partner.name}
        title={t(`problems.${lookup.status}.title`)}
        description={t(`problems.${lookup.status}.description`, { partner: partner.name })}
      >
        <Button asChild variant="outline" className="w-full">
          <Link href={memberSignInPath(partnerSlug)}>{t("goToSignIn")}</Link>
        </Button>
      </MemberCard>
    );
  }
  const { member } = lookup;
  return (
    <MemberCard
      partnerName={partner.name}
      title={t("title", { partner: partner.name })}
      description={t("description", { partner: partner.name, email: member.email })}
    >
      <div className="mb-4 flex justify-center">
        <LanguageSwitch partnerSlug={partnerSlug} />
      </div>
      <p className="mb-4 text-sm text-muted-foreground">{t("intro")}</p>
      <AcceptInvitationForm partnerSlug={partnerSlug} token={raw} email={member.email} />
    </MemberCard>
  );
}

/** A malformed escape (`%E0%A4%A`) is a link that is not valid, not an error. */
function decodeToken(token: string) {
  try {
    return decodeURIComponent(token);
  } catch {
    return "";
  }
}
