"use server";

import { revalidatePath } from "next/cache";
import { onboardingClient } from "@/lib/services/onboarding/context";
import { submitOnboarding } from "@/lib/services/onboarding/submit";
import { runAsMember, type OnboardingActionState } from "./run";

/** The member's "Submit" (or "Submit again"): partner review or Wallex screening, once. */
export async function submitOnboardingAction(
  _prev: OnboardingActionState | undefined,
  raw: FormData,
): Promise<OnboardingActionState> {
  return runAsMember(raw, "onboarding.submit", async ({ db, scope, memberId, audited, t }) => {
    const result = await submitOnboarding(db, scope, memberId, {
      client: onboardingClient(db, scope),
      audited: audited("onboarding.submit"),
    });
    revalidatePath(`/m/${scope.partnerSlug}/onboarding`, "layout");
    if (result.outcome === "missing") return { ok: false, formError: t("review.notReady") };
    if (result.outcome === "already") return { ok: true, message: t("review.already") };
    return {
      ok: true,
      message:
        result.outcome === "in_partner_review"
          ? t("review.inReview", { partner: scope.partnerName })
          : t("review.submitted"),
    };
  });
}
