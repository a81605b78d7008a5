"use server";

import { revalidatePath } from "next/cache";
import { changeRole } from "@/lib/services/team";
import { changeRoleSchema } from "@/lib/validations/team";
import { defineStaffAction } from "../define-action";

export const changeRoleAction = defineStaffAction(
  { name: "team.role_changed", schema: changeRoleSchema, permission: "team.manage" },
  async ({ membershipId, role }, { db, scope, audit }) => {
    const change = await changeRole(db, scope, membershipId, role);
    audit({
      target: { type: "staff_membership", id: membershipId },
      before: { email: change.email, role: change.before },
      after: { email: change.email, role: change.after },
    });
    revalidatePath(`/p/${scope.partnerSlug}`, "layout");
    return change;
  },
);
