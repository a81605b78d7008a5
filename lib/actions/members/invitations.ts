"use server";

import { revalidatePath } from "next/cache";
import { afterCommitDeliverMail } from "@/lib/mail/deliver-after";
import {
  createMemberInvitation,
  resendMemberInvitation,
  revokeMemberInvitation,
} from "@/lib/services/members/invitations";
import { memberIdSchema, memberInvitationIdSchema } from "@/lib/services/members/schemas";
import { defineStaffAction } from "../define-action";

const accessPath = (slug: string, memberId: string) => `/p/${slug}/members/${memberId}/access`;

export const sendMemberInvitationAction = defineStaffAction(
  { name: "member.invitation_created", schema: memberIdSchema, permission: "members.manage" },
  async ({ memberId }, { db, scope, audit }) => {
    const { member, invitation } = await createMemberInvitation(db, scope, memberId);
    audit({
      memberId: member.id,
      target: { type: "member_invitation", id: invitation.id },
      after: { email: member.email, expiresAt: invitation.expiresAt },
    });
    afterCommitDeliverMail();
    revalidatePath(accessPath(scope.partnerSlug, member.id));
    return { email: member.email };
  },
);

export const resendMemberInvitationAction = defineStaffAction(
  { name: "member.invitation_resent", schema: memberInvitationIdSchema, permission: "members.manage" },
  async (ids, { db, scope, audit }) => {
    const { member, invitation, previousExpiresAt } = await resendMemberInvitation(db, scope, ids);
    audit({
      memberId: member.id,
      target: { type: "member_invitation", id: invitation.id },
      before: { expiresAt: previousExpiresAt },
      after: { email: member.email, expiresAt: invitation.expiresAt },
    });
    afterCommitDeliverMail();
    revalidatePath(accessPath(scope.partnerSlug, member.id));
    return { email: member.email };
  },
);

export const revokeMemberInvitationAction = defineStaffAction(
  { name: "member.invitation_revoked", schema: memberInvitationIdSchema, permission: "members.manage" },
  async (ids, { db, scope, audit }) => {
    const { member, invitation } = await revokeMemberInvitation(db, scope, ids);
    audit({
      memberId: member.id,
      target: { type: "member_invitation", id: invitation.id },
      before: { expiresAt: invitation.expiresAt },
      after: { revoked: true },
    });
    revalidatePath(accessPath(scope.partnerSlug, member.id));
    return { email: member.email };
  },
);
