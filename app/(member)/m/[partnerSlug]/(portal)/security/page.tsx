import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MemberTwoFactorCard } from "@/components/member/two-factor-card";
import { getDb } from "@/db";
import { requireMember } from "@/lib/auth/member-session";
import { totpEnrolment } from "@/lib/auth/totp";
import { decryptSecret } from "@/lib/crypto";
import { getMemberRow } from "@/lib/data/member-auth";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ partnerSlug: string }> };

/** Optional two-factor authentication for the member (staff's authenticator code, secrets encrypted alike). */
export default async function MemberSecurityPage({ params }: Props) {
  const { partnerSlug } = await params;
  const scope = await requireMember(partnerSlug);
  const [member, t] = await Promise.all([getMemberRow(getDb(), scope, scope.memberId), getTranslations("security")]);
  const pending =
    member && !member.totpSecret && member.pendingTotpSecret ? decryptSecret(member.pendingTotpSecret) : null;
  const enrolment = pending
    ? { secret: pending, qrDataUrl: (await totpEnrolment(scope.member.email, pending)).qrDataUrl }
    : null;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <MemberTwoFactorCard partnerSlug={partnerSlug} enabled={!!member?.totpSecret} enrolment={enrolment} />
    </div>
  );
}
