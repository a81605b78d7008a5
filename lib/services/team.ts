import "server-only";
import { and, eq, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { invitations, staffMemberships, type StaffRole } from "@/db/schema";
import { roleLabels } from "@/lib/auth/permissions";
import { scopeWhere, type StaffScope } from "@/lib/auth/scope";
import {
  countAdmins,
  findLiveInvitationByEmail,
  findMembershipByEmail,
  getMembershipOrThrow,
  getOpenInvitationOrThrow,
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
  // An expired, unanswered invitation for the same email gives way to the new one.
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        scopeWhere(invitations, scope),
        sql`lower(${invitations.email}) = ${input.email.toLowerCase()}`,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        lte(invitations.expiresAt, new Date()),
      ),
    );
  const { secret, hash } = newInvitationSecret();
  const [invitation] = await db
    .insert(invitations)
    .values({
      partnerId: scope.partnerId,
      email: input.email,
      role: input.role,
      tokenHash: hash,
      invitedByMembershipId: scope.membershipId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    })
    .returning();
  await mailInvitation(db, scope, invitation.id, secret, invitation);
  return invitation;
}

export async function resendInvitation(db: Executor, scope: StaffScope, invitationId: string) {
  const current = await getOpenInvitationOrThrow(db, scope, invitationId);
  const { secret, hash } = newInvitationSecret();
  const [invitation] = await db
    .update(invitations)
    .set({ tokenHash: hash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS) })
    .where(and(scopeWhere(invitations, scope), eq(invitations.id, current.id)))
    .returning();
  await mailInvitation(db, scope, invitation.id, secret, invitation);
  return invitation;
}

export async function revokeInvitation(db: Executor, scope: StaffScope, invitationId: string) {
  const invitation = await getOpenInvitationOrThrow(db, scope, invitationId);
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(scopeWhere(invitations, scope), eq(invitations.id, invitation.id)));
  return invitation;
}

export async function changeRole(db: Executor, scope: StaffScope, membershipId: string, role: StaffRole) {
  const { membership, email } = await getMembershipOrThrow(db, scope, membershipId);
  if (membership.role === "admin" && role !== "admin") await assertNotLastAdmin(db, scope);
  await db
    .update(staffMemberships)
    .set({ role })
    .where(and(scopeWhere(staffMemberships, scope), eq(staffMemberships.id, membership.id)));
  return { email, before: membership.role, after: role };
}

export async function removeStaff(db: Executor, scope: StaffScope, membershipId: string) {
  const { membership, email } = await getMembershipOrThrow(db, scope, membershipId);
  // Leaving is not a click on your own row: another admin removes you.
  if (membership.id === scope.membershipId)
    throw new AppError("CONFLICT", { userMessage: "You cannot remove yourself. Ask another admin." });
  if (membership.role === "admin") await assertNotLastAdmin(db, scope);
  await db
    .delete(staffMemberships)
    .where(and(scopeWhere(staffMemberships, scope), eq(staffMemberships.id, membership.id)));
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
