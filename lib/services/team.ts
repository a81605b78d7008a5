import "server-only";
import type { Executor } from "@/db";
import type { StaffRole } from "@/db/schema";
import { roleLabels } from "@/lib/auth/permissions";
import type { StaffScope } from "@/lib/auth/scope";
import {
  closeInvitation,
  countAdmins,
  deleteMembership,
  findLiveInvitationByEmail,
  findMembershipByEmail,
  getMembershipOrThrow,
  getOpenInvitationOrThrow,
  insertInvitation,
  renewInvitationToken,
  revokeExpiredInvitationsFor,
  setMembershipRole,
} from "@/lib/data/team";
import { env } from "@/lib/env";
import { AppError, fieldError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { invitationMail } from "@/lib/mail/templates";
import { INVITATION_TTL_MS, invitationToken, newInvitationSecret } from "./invitation-token";

export async function inviteStaff(db: Executor, scope: StaffScope, input: { email: string; role: StaffRole }) {
  if (await findMembershipByEmail(db, scope, input.email)) {
    throw fieldError("email", "This person is already on the team.");
  }
  if (await findLiveInvitationByEmail(db, scope, input.email)) {
    throw fieldError("email", "An invitation is already pending for this email. Resend it from the list below.");
  }
  await revokeExpiredInvitationsFor(db, scope, input.email);
  const { secret, hash } = newInvitationSecret();
  const invitation = await insertInvitation(db, scope, {
    email: input.email,
    role: input.role,
    tokenHash: hash,
    invitedByMembershipId: scope.membershipId,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  await mailInvitation(db, scope, invitation.id, secret, invitation);
  return invitation;
}

export async function resendInvitation(db: Executor, scope: StaffScope, invitationId: string) {
  const current = await getOpenInvitationOrThrow(db, scope, invitationId);
  const { secret, hash } = newInvitationSecret();
  const invitation = (await renewInvitationToken(db, scope, current.id, {
    tokenHash: hash,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  }))!;
  await mailInvitation(db, scope, invitation.id, secret, invitation);
  return invitation;
}

export async function revokeInvitation(db: Executor, scope: StaffScope, invitationId: string) {
  const invitation = await getOpenInvitationOrThrow(db, scope, invitationId);
  await closeInvitation(db, scope, invitation.id, "revoked");
  return invitation;
}

export async function changeRole(db: Executor, scope: StaffScope, membershipId: string, role: StaffRole) {
  const { membership, email } = await getMembershipOrThrow(db, scope, membershipId);
  if (membership.role === "admin" && role !== "admin") await assertNotLastAdmin(db, scope);
  await setMembershipRole(db, scope, membership.id, role);
  return { email, before: membership.role, after: role };
}

export async function removeStaff(db: Executor, scope: StaffScope, membershipId: string) {
  const { membership, email } = await getMembershipOrThrow(db, scope, membershipId);
  // Leaving is not a click on your own row: another admin removes you.
  if (membership.id === scope.membershipId)
    throw new AppError("CONFLICT", { userMessage: "You cannot remove yourself. Ask another admin." });
  if (membership.role === "admin") await assertNotLastAdmin(db, scope);
  await deleteMembership(db, scope, membership.id);
  return { email, role: membership.role };
}

async function assertNotLastAdmin(db: Executor, scope: StaffScope) {
  if ((await countAdmins(db, scope)) <= 1) {
    throw new AppError("CONFLICT", {
      userMessage: "A partner needs at least one admin. Make someone else admin first.",
    });
  }
}

async function mailInvitation(
  db: Executor,
  scope: StaffScope,
  invitationId: string,
  secret: string,
  invitation: { email: string; role: StaffRole; expiresAt: Date },
) {
  const url = new URL(`/invite/${invitationToken(invitationId, secret)}`, env().APP_URL).toString();
  await enqueueMail(db, {
    scope,
    ...invitationMail({
      to: invitation.email,
      partnerName: scope.partnerName,
      inviterName: scope.user.name,
      roleLabel: roleLabels[invitation.role],
      url,
      expiresAt: invitation.expiresAt,
    }),
  });
}
