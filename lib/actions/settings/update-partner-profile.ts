"use server";

import { revalidatePath } from "next/cache";
import { updatePartnerProfile } from "@/lib/services/partner-profile";
import { partnerProfileSchema } from "@/lib/validations/settings";
import { defineStaffAction } from "../define-action";

export const updatePartnerProfileAction = defineStaffAction(
  { name: "settings.profile_updated", schema: partnerProfileSchema, permission: "settings.manage" },
  async (input, { db, scope, audit }) => {
    const change = await updatePartnerProfile(db, scope, input);
    audit({ target: { type: "partner", id: scope.partnerId }, ...change });
    revalidatePath(`/p/${scope.partnerSlug}`, "layout");
  },
);
