import "server-only";
import type { Database, Executor } from "@/db";
import type { Member, MemberInvitation, Partner } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { memberScopeOf } from "@/lib/auth/member-sign-in";
import { hashPassword } from "@/lib/auth/password";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { acceptMemberInvitationRow, findMemberInvitationWithPartner, setMemberPassword } from "@/lib/data/member-auth";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/request-context";
import { parseInvitationToken, secretMatches } from "./invitation-token";

export type MemberInvitationLookup =
  | { status: "valid"; invitation: MemberInvitation; member: Member; partner: Partner }
  | { status: "invalid" | "expired" | "used" | "revoked" };

/**
 * What a member's invitation link stands for at the partner the URL names: forged, expired, used
 * and revoked links each get their own answer; a genuine link of another partner is not valid here.
 */
export async function lookupMemberInvitation(
  db: Executor,
  partnerSlug: string,
  token: string,
  opts: { lock?: boolean } = {},
): Promise<MemberInvitationLookup> {
  const parsed = parseInvitationToken(token);
  if (!parsed) return { status: "invalid" };
  const row = await findMemberInvitationWithPartner(db, parsed.invitationId, opts);
  if (!row || !secretMatches(parsed.secret, row.invitation.tokenHash) || row.partner.slug !== partnerSlug) {
    return { status: "invalid" };
  }
  if (row.invitation.acceptedAt) return { status: "used" };
  if (row.invitation.revokedAt) return { status: "revoked" };
  if (row.invitation.expiresAt <= new Date()) return { status: "expired" };
  return { status: "valid", ...row };
}

/**
 * The member chooses a password and the invitation is spent, once: the invitation row is locked and
 * re-checked in the transaction that sets the password and marks it accepted. The member's stage
 * moves from `invited` to `in_progress` (they have now signed in); any later stage stays.
 * The caller then signs the member in with that password (a `member_sessions` row).
 */
export async function acceptMemberInvitation(
  db: Database,
  input: { partnerSlug: string; token: string; password: string },
  meta: RequestMeta,
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const lookup = await lookupMemberInvitation(tx, input.partnerSlug, input.token, { lock: true });
    if (lookup.status !== "valid") {
      throw new AppError("CONFLICT", { userMessage: "This invitation can no longer be used." });
    }
    const { invitation, partner } = lookup;
    // The link's secret, checked above under a lock, is what proves the partner and the member.
    const scope = mintJobScope(partner.id, "accept-member-invitation");
    if (!(await acceptMemberInvitationRow(tx, scope, invitation.id))) {
      throw new AppError("CONFLICT", { userMessage: "This invitation can no longer be used." });
    }
    const member = await setMemberPassword(tx, scope, invitation.memberId, passwordHash, {
      stageFrom: "invited",
      stageTo: "in_progress",
    });
    if (!member) throw new AppError("CONFLICT", { userMessage: "This invitation can no longer be used." });
    await recordAudit(tx, memberScopeOf(member, partner, "invitation"), {
      action: "member.invitation_accepted",
      actor: { userId: null, email: member.email },
      target: { type: "member_invitation", id: invitation.id },
      after: { stage: member.stage },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return { partner, member };
  });
}
