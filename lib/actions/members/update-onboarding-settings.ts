"use server";

import { revalidatePath } from "next/cache";
import { updateMemberOnboarding } from "@/lib/services/members/onboarding-settings";
import { memberOnboardingSchema } from "@/lib/services/members/schemas";
import { defineStaffAction } from "../define-action";

export const updateMemberOnboardingAction = defineStaffAction(
  { name: "settings.member_onboarding_updated", schema: memberOnboardingSchema, permission: "settings.manage" },
  async (input, { db, scope, audit }) => {
    const change = await updateMemberOnboarding(db, scope, input);
    audit({ target: { type: "partner", id: scope.partnerId }, ...change });
    revalidatePath(`/p/${scope.partnerSlug}`, "layout");
  },
);
