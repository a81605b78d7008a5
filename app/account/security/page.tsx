import type { Metadata } from "next";
import { SessionsCard } from "@/components/account/sessions-card";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { PageHeader } from "@/components/layout/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { newSessionView } from "@/lib/auth/session-handles";
import { totpEnrolment } from "@/lib/auth/totp";
import { decryptSecret } from "@/lib/crypto";
import { countUnusedRecoveryCodes } from "@/lib/data/recovery-codes";
import { listLiveSessions } from "@/lib/data/sessions";
import { getUserById, listStaffMembershipsOfUser } from "@/lib/data/users";

export const metadata: Metadata = { title: "Account security" };

type Props = { searchParams: Promise<{ required?: string; partner?: string }> };

export default async function SecurityPage({ searchParams }: Props) {
  const current = await requireUser();
  const db = getDb();
  const [user, sessions, unusedCodes, memberships] = await Promise.all([
    getUserById(db, current.id),
    listLiveSessions(db, current.id),
    countUnusedRecoveryCodes(db, current.id),
    listStaffMembershipsOfUser(db, current.id),
  ]);
  const pendingSecret = !user?.totpSecret && user?.pendingTotpSecret ? decryptSecret(user.pendingTotpSecret) : null;
  const enrolment = pendingSecret
    ? { secret: pendingSecret, ...(await totpEnrolment(current.email, pendingSecret)) }
    : null;
  const devices = newSessionView(current.id);
  const params = await searchParams;
  const forced = params.required === "1";
  const required = forced && !current.hasTwoFactor;
  // After the forced set-up, the way onward: the partner the person came from, else their first.
  const onward = forced ? (memberships.find((m) => m.partnerSlug === params.partner) ?? memberships[0]) : undefined;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Account security"
        description="Two-factor authentication and the devices signed in to your account."
      />
      {required && (
        <Alert variant="warning">
          <AlertTitle>Two-factor authentication is required</AlertTitle>
          <AlertDescription>
            Admins must use an authenticator app. Set it up below to continue to your workspace.
          </AlertDescription>
        </Alert>
      )}
      <TwoFactorCard
        enabled={current.hasTwoFactor}
        enrolment={enrolment}
        unusedRecoveryCodes={unusedCodes}
        continueTo={onward && { href: `/p/${onward.partnerSlug}`, name: onward.partnerName }}
      />
      <SessionsCard
        view={devices.view}
        sessions={sessions.map((s) => ({
          handle: devices.handleOf(s.id),
          ip: s.ip,
          userAgent: s.userAgent,
          lastSeenAt: s.lastSeenAt,
          current: s.id === current.sessionId,
        }))}
      />
    </div>
  );
}
