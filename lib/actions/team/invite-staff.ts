"use server";

import { revalidatePath } from "next/cache";
import { afterCommitDeliverMail } from "@/lib/mail/deliver-after";
import { inviteStaff } from "@/lib/services/team";
import { inviteStaffSchema } from "@/lib/validations/team";
import { defineStaffAction } from "../define-action";

export const inviteStaffAction = defineStaffAction(
  { name: "team.invited", schema: inviteStaffSchema, permission: "team.manage" },
  async (input, { db, scope, audit }) => {
    const invitation = await inviteStaff(db, scope, input);
    audit({
      target: { type: "invitation", id: invitation.id },
      after: { email: invitation.email, role: invitation.role },
    });
    afterCommitDeliverMail();
    revalidatePath(`/p/${scope.partnerSlug}/team`);
    return { email: invitation.email };
  },
);
