import "server-only";
import type { Database, Executor } from "@/db";
import { users, type Invitation, type Partner } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { addStaffMembership } from "@/lib/data/staff-memberships";
import { closeInvitation, findInvitationWithPartner } from "@/lib/data/team";
import { getUserByEmail } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/request-context";
import { parseInvitationToken, secretMatches } from "./invitation-token";

export type InvitationLookup =
  | { status: "valid"; invitation: Invitation; partner: Partner }
  | { status: "invalid" | "expired" | "used" | "revoked" };

/**
 * What an invitation link stands for; forged, expired, used and revoked links each get their own
 * answer. It says nothing about whether the address has an account (perhaps at another partner):
 * the page it feeds is the same either way, so the inviting partner learns nothing from it.
 */
export async function lookupInvitation(
  db: Executor,
  token: string,
  opts: { lock?: boolean } = {},
): Promise<InvitationLookup> {
  const parsed = parseInvitationToken(token);
  if (!parsed) return { status: "invalid" };
  const row = await findInvitationWithPartner(db, parsed.invitationId, opts);
  if (!row || !secretMatches(parsed.secret, row.invitation.tokenHash)) return { status: "invalid" };
  if (row.invitation.acceptedAt) return { status: "used" };
  if (row.invitation.revokedAt) return { status: "revoked" };
  if (row.invitation.expiresAt <= new Date()) return { status: "expired" };
  return { status: "valid", ...row };
}

export type Acceptor = { kind: "existing"; userId: string } | { kind: "new"; name: string; password: string };

/**
 * Joins the invited person to the partner, once: the invitation row is locked and re-checked in the
 * same transaction that creates the membership and marks it accepted.
 */
export async function acceptInvitation(db: Database, token: string, acceptor: Acceptor, meta: RequestMeta) {
  const passwordHash = acceptor.kind === "new" ? await hashPassword(acceptor.password) : null;
  return db.transaction(async (tx) => {
    const lookup = await lookupInvitation(tx, token, { lock: true });
    if (lookup.status !== "valid") {
      throw new AppError("CONFLICT", { userMessage: "This invitation can no longer be used." });
    }
    const { invitation, partner } = lookup;
    const existing = await getUserByEmail(tx, invitation.email);
    let user = existing;
    if (acceptor.kind === "existing") {
      if (!existing || existing.id !== acceptor.userId) {
        throw new AppError("FORBIDDEN", { userMessage: `This invitation is for ${invitation.email}.` });
      }
    } else {
      if (existing)
        throw new AppError("CONFLICT", { userMessage: "An account with this email exists. Sign in to accept." });
      [user] = await tx
        .insert(users)
        .values({ email: invitation.email, name: acceptor.name, passwordHash: passwordHash! })
        .returning();
    }
    // The invitation's own token, checked above under a lock, is what proves the partner.
    const scope = mintJobScope(partner.id, "accept-invitation");
    await addStaffMembership(tx, scope, user!.id, invitation.role, { ifAbsent: true });
    await closeInvitation(tx, scope, invitation.id, "accepted");
    await recordAudit(tx, scope, {
      action: "team.invitation_accepted",
      actor: { userId: user!.id, email: user!.email },
      target: { type: "invitation", id: invitation.id },
      after: { email: invitation.email, role: invitation.role, newAccount: acceptor.kind === "new" },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    return { partner, user: user!, email: invitation.email };
  });
}
