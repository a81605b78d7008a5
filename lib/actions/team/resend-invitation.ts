"use server";

import { revalidatePath } from "next/cache";
import { afterCommitDeliverMail } from "@/lib/mail/deliver-after";
import { resendInvitation } from "@/lib/services/team";
import { invitationIdSchema } from "@/lib/validations/team";
import { defineStaffAction } from "../define-action";

export const resendInvitationAction = defineStaffAction(
  { name: "team.invitation_resent", schema: invitationIdSchema, permission: "team.manage" },
  async ({ invitationId }, { db, scope, audit }) => {
    const invitation = await resendInvitation(db, scope, invitationId);
    audit({
      target: { type: "invitation", id: invitation.id },
      after: { email: invitation.email, expiresAt: invitation.expiresAt },
    });
    afterCommitDeliverMail();
    revalidatePath(`/p/${scope.partnerSlug}/team`);
    return { email: invitation.email };
  },
);
