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
import { getUserById } from "@/lib/data/users";

export const metadata: Metadata = { title: "Account security" };

type Props = { searchParams: Promise<{ required?: string }> };

export default async function SecurityPage({ searchParams }: Props) {
  const current = await requireUser();
  const db = getDb();
  const [user, sessions, unusedCodes] = await Promise.all([
    getUserById(db, current.id),
    listLiveSessions(db, current.id),
    countUnusedRecoveryCodes(db, current.id),
  ]);
  const pendingSecret = !user?.totpSecret && user?.pendingTotpSecret ? decryptSecret(user.pendingTotpSecret) : null;
  const enrolment = pendingSecret ? { secret: pendingSecret, ...(await totpEnrolment(current.email, pendingSecret)) } : null;
  const devices = newSessionView(current.id);
  const required = (await searchParams).required === "1" && !current.hasTwoFactor;

  return (
    <div className="space-y-6">
      <PageHeader title="Account security" description="Two-factor authentication and the devices signed in to your account." />
      {required && (
        <Alert variant="warning">
          <AlertTitle>Two-factor authentication is required</AlertTitle>
          <AlertDescription>Admins must use an authenticator app. Set it up below to continue to your workspace.</AlertDescription>
        </Alert>
      )}
      <TwoFactorCard enabled={current.hasTwoFactor} enrolment={enrolment} unusedRecoveryCodes={unusedCodes} />
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
