import "server-only";
import type { Executor } from "@/db";
import type { Member, MemberInvitation } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import {
  getOpenMemberInvitation,
  insertMemberInvitation,
  renewMemberInvitationToken,
  revokeMemberInvitationRow,
} from "@/lib/data/member-invitations";
import { getMemberOrThrow } from "@/lib/data/member-writes";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { memberInvitationMail } from "@/lib/mail/member-invitation";
import { enqueueMail } from "@/lib/mail/outbox";
import { INVITATION_TTL_MS, invitationToken, newInvitationSecret } from "../invitation-token";

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

/** What the access tab shows: accepted, revoked by staff, expired (closed or not), or pending until it expires. */
export function invitationState(
  invitation: Pick<MemberInvitation, "acceptedAt" | "revokedAt" | "expiresAt">,
  now = new Date(),
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return invitation.revokedAt >= invitation.expiresAt ? "expired" : "revoked";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

/** The member portal's link for an invitation: `${APP_URL}/m/<partnerSlug>/invite/<id>.<secret>`. */
export function memberInvitationUrl(partnerSlug: string, invitationId: string, secret: string) {
  return new URL(`/m/${partnerSlug}/invite/${invitationToken(invitationId, secret)}`, env().APP_URL).toString();
}

/**
 * A new invitation for the member, mailed in the member's language. One is open at a time: a
 * pending one is resent instead, and an expired one is closed to make way.
 */
export async function createMemberInvitation(db: Executor, scope: StaffScope, memberId: string) {
  const member = await getMemberOrThrow(db, scope, memberId);
  const open = await getOpenMemberInvitation(db, scope, member.id, { lock: true });
  if (open && invitationState(open) === "pending") {
    throw new AppError("CONFLICT", { userMessage: "An invitation is already pending. Resend it instead." });
  }
  if (open) await revokeMemberInvitationRow(db, scope, open.id, open.expiresAt);
  const { secret, hash } = newInvitationSecret();
  const invitation = await insertMemberInvitation(db, scope, {
    memberId: member.id,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    invitedByMembershipId: scope.membershipId,
  });
  await mailInvitation(db, scope, member, invitation, secret);
  return { member, invitation };
}

/** The open invitation again, with a new secret and 72 hours from now: the link mailed before stops working. */
export async function resendMemberInvitation(
  db: Executor,
  scope: StaffScope,
  ids: { memberId: string; invitationId: string },
) {
  const member = await getMemberOrThrow(db, scope, ids.memberId);
  const open = await getOpenMemberInvitation(db, scope, member.id, { lock: true });
  if (!open || open.id !== ids.invitationId) throw notFound("Invitation");
  const { secret, hash } = newInvitationSecret();
  const invitation = await renewMemberInvitationToken(db, scope, open.id, {
    tokenHash: hash,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  if (!invitation) throw notFound("Invitation");
  await mailInvitation(db, scope, member, invitation, secret);
  return { member, invitation, previousExpiresAt: open.expiresAt };
}

export async function revokeMemberInvitation(
  db: Executor,
  scope: StaffScope,
  ids: { memberId: string; invitationId: string },
) {
  const member = await getMemberOrThrow(db, scope, ids.memberId);
  const open = await getOpenMemberInvitation(db, scope, member.id, { lock: true });
  if (!open || open.id !== ids.invitationId || !(await revokeMemberInvitationRow(db, scope, open.id))) {
    throw notFound("Invitation");
  }
  return { member, invitation: open };
}

async function mailInvitation(
  db: Executor,
  scope: StaffScope,
  member: Member,
  invitation: MemberInvitation,
  secret: string,
) {
  await enqueueMail(db, {
    scope,
    ...memberInvitationMail({
      to: member.email,
      locale: member.locale,
      partnerName: scope.partnerName,
      firstName: member.firstName,
      url: memberInvitationUrl(scope.partnerSlug, invitation.id, secret),
      expiresAt: invitation.expiresAt,
    }),
  });
}
