import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db";
import { recoveryCodes, users, type User } from "@/db/schema";
import { recordAuditForUser } from "@/lib/audit/record-for-user";
import { decryptSecret } from "@/lib/crypto";
import { createSession } from "@/lib/data/sessions";
import { getUserByEmail } from "@/lib/data/users";
import type { RequestMeta } from "@/lib/request-context";
import { verifyDecoy, verifyPassword } from "./password";
import { clearSignInFailures, recordSignInFailure, signInLockout } from "./throttle";
import { checkTotp, hashRecoveryCode, looksLikeRecoveryCode } from "./totp";

export type SignInProblem =
  { kind: "invalid" } | { kind: "locked"; minutes: number } | { kind: "code_required" } | { kind: "code_invalid" };

export type SignInInput = { email: string; password: string; code?: string };

/**
 * Checks a staff sign-in and opens a server-side session. Every wrong password or code counts
 * against both the account and the IP; a locked account is refused before the password is read.
 */
export async function signInWithPassword(
  db: Database,
  input: SignInInput,
  meta: RequestMeta,
): Promise<{ ok: true; sessionId: string; user: User } | { ok: false; problem: SignInProblem }> {
  const { ip } = meta;
  const lockedFor = await signInLockout(db, input.email, ip);
  if (lockedFor) return { ok: false, problem: { kind: "locked", minutes: lockedFor } };

  const user = await getUserByEmail(db, input.email);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : await verifyDecoy(input.password);
  if (!user || !passwordOk) {
    await recordSignInFailure(db, input.email, ip);
    return { ok: false, problem: { kind: "invalid" } };
  }

  if (user.totpSecret) {
    const code = input.code?.trim();
    if (!code) return { ok: false, problem: { kind: "code_required" } };
    if (!(await acceptSecondFactor(db, user, code))) {
      await recordSignInFailure(db, input.email, ip);
      return { ok: false, problem: { kind: "code_invalid" } };
    }
  }

  await clearSignInFailures(db, input.email);
  const sessionId = await createSession(db, user.id, meta);
  const current = { id: user.id, email: user.email, name: user.name, sessionId, hasTwoFactor: !!user.totpSecret };
  await recordAuditForUser(db, current, meta, { action: "auth.signed_in" });
  return { ok: true, sessionId, user };
}

async function acceptSecondFactor(db: Database, user: User, code: string) {
  if (looksLikeRecoveryCode(code)) {
    const used = await db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(recoveryCodes.userId, user.id),
          eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return used.length === 1;
  }
  const step = await checkTotp(decryptSecret(user.totpSecret!), code, user.totpLastStep);
  if (step === null) return false;
  // Conditional on the last step, so two concurrent sign-ins cannot both spend the same code.
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}
