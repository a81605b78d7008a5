"use server";

import { revalidatePath } from "next/cache";
import { removeStaff } from "@/lib/services/team";
import { membershipIdSchema } from "@/lib/validations/team";
import { defineStaffAction } from "../define-action";

export const removeStaffAction = defineStaffAction(
  { name: "team.removed", schema: membershipIdSchema, permission: "team.manage" },
  async ({ membershipId }, { db, scope, audit }) => {
    const removed = await removeStaff(db, scope, membershipId);
    audit({ target: { type: "staff_membership", id: membershipId }, before: removed });
    revalidatePath(`/p/${scope.partnerSlug}/team`);
    return removed;
  },
);
