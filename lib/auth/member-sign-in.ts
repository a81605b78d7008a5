import "server-only";
import type { Database } from "@/db";
import type { Member, Partner } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { decryptSecret } from "@/lib/crypto";
import { claimMemberTotpStep, getPartnerBySlug } from "@/lib/data/member-auth";
import { createMemberSession } from "@/lib/data/member-sessions";
import { findMemberByEmail } from "@/lib/data/member-writes";
import type { RequestMeta } from "@/lib/request-context";
import { clearMemberSignInFailures, memberSignInLockout, recordMemberSignInFailure } from "./member-throttle";
import { verifyDecoy, verifyPassword } from "./password";
import type { SignInProblem } from "./sign-in";
import { mintJobScope, mintMemberScope, type MemberScope } from "./tenant-scope";
import { checkTotp } from "./totp";

export type MemberSignInInput = { partnerSlug: string; email: string; password: string; code?: string };

export type MemberSignInResult =
  | { ok: true; sessionId: string; member: Member; partner: Partner; scope: MemberScope }
  | { ok: false; problem: SignInProblem };

/**
 * Checks a member's sign-in at their partner's portal and opens a `member_sessions` row, like
 * staff's sign-in (lib/auth/sign-in.ts): every wrong password or code counts against the member
 * account and the IP, under keys of their own; a locked account is refused before the password
 * is read; an unknown partner, email or a member without a password yet costs the same hash.
 */
export async function signInMember(
  db: Database,
  input: MemberSignInInput,
  meta: RequestMeta,
): Promise<MemberSignInResult> {
  const { ip } = meta;
  const partner = await getPartnerBySlug(db, input.partnerSlug);
  if (!partner) {
    await verifyDecoy(input.password);
    return { ok: false, problem: { kind: "invalid" } };
  }
  const lockedFor = await memberSignInLockout(db, partner.id, input.email, ip);
  if (lockedFor) return { ok: false, problem: { kind: "locked", minutes: lockedFor } };

  // The partner from the URL is only where to look: the password below is what proves the member.
  const lookup = mintJobScope(partner.id, "member-sign-in");
  const member = await findMemberByEmail(db, lookup, input.email.trim());
  const passwordOk = member?.passwordHash
    ? await verifyPassword(member.passwordHash, input.password)
    : await verifyDecoy(input.password);
  if (!member || !passwordOk) {
    await recordMemberSignInFailure(db, partner.id, input.email, ip);
    return { ok: false, problem: { kind: "invalid" } };
  }

  if (member.totpSecret) {
    const code = input.code?.trim();
    if (!code) return { ok: false, problem: { kind: "code_required" } };
    const step = await checkTotp(decryptSecret(member.totpSecret), code, member.totpLastStep);
    if (step === null || !(await claimMemberTotpStep(db, lookup, member.id, step))) {
      await recordMemberSignInFailure(db, partner.id, input.email, ip);
      return { ok: false, problem: { kind: "code_invalid" } };
    }
  }

  await clearMemberSignInFailures(db, partner.id, input.email);
  const sessionId = await createMemberSession(db, lookup, member.id, meta);
  const scope = memberScopeOf(member, partner, sessionId);
  await recordAudit(db, scope, {
    action: "member.signed_in",
    actor: { userId: null, email: member.email },
    target: { type: "member", id: member.id },
    requestId: meta.requestId,
    ip,
  });
  return { ok: true, sessionId, member, partner, scope };
}

/** The scope of a member whose session row was just opened or read live. */
export function memberScopeOf(member: Member, partner: Pick<Partner, "id" | "slug" | "name">, sessionId: string) {
  return mintMemberScope({
    partnerId: partner.id,
    partnerSlug: partner.slug,
    partnerName: partner.name,
    member: {
      id: member.id,
      email: member.email,
      name: `${member.firstName} ${member.lastName}`.trim(),
      locale: member.locale,
      sessionId,
      hasTwoFactor: !!member.totpSecret,
    },
  });
}
