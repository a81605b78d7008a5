"use server";

import { revalidatePath } from "next/cache";
import { revokeInvitation } from "@/lib/services/team";
import { invitationIdSchema } from "@/lib/validations/team";
import { defineStaffAction } from "../define-action";

export const revokeInvitationAction = defineStaffAction(
  { name: "team.invitation_revoked", schema: invitationIdSchema, permission: "team.manage" },
  async ({ invitationId }, { db, scope, audit }) => {
    const invitation = await revokeInvitation(db, scope, invitationId);
    audit({
      target: { type: "invitation", id: invitation.id },
      before: { email: invitation.email, role: invitation.role },
    });
    revalidatePath(`/p/${scope.partnerSlug}/team`);
    return { email: invitation.email };
  },
);
