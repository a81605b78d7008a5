"use server";

import { redirect } from "next/navigation";
import { listsOf, onboardingChoices, onboardingClient } from "@/lib/services/onboarding/context";
import { saveOnboardingStep } from "@/lib/services/onboarding/save-step";
import { STEP_SLUG, stepsFor } from "@/lib/services/onboarding/steps";
import { getOnboardingMember } from "@/lib/data/member-drafts";
import { FORM_STEPS, type FormStep } from "@/lib/validations/onboarding";
import { runAsMember, type OnboardingActionState } from "./run";

/** Saves one wizard step (the member's own), then goes on to the next step. */
export async function saveOnboardingStepAction(
  _prev: OnboardingActionState | undefined,
  raw: FormData,
): Promise<OnboardingActionState> {
  let next: string | null = null;
  const result = await runAsMember(raw, "onboarding.save_step", async ({ db, scope, memberId, audited }, values) => {
    const step = String(values.step ?? "") as FormStep;
    if (!FORM_STEPS.includes(step)) return { ok: false, values };
    const revision = Number.parseInt(String(values.revision ?? "0"), 10);
    const { step: _s, revision: _r, partnerSlug: _p, ...fields } = values;
    await saveOnboardingStep(
      db,
      scope,
      { memberId, step, revision: Number.isFinite(revision) && revision >= 0 ? revision : 0, values: fields },
      {
        client: onboardingClient(db, scope),
        audited: audited("onboarding.step_saved"),
        lists: listsOf(await onboardingChoices(db, scope)),
      },
    );
    const member = await getOnboardingMember(db, scope, memberId);
    const steps = member ? stepsFor(member.accountType) : [];
    const following = steps[steps.indexOf(step) + 1] ?? "review";
    next = `/m/${encodeURIComponent(scope.partnerSlug)}/onboarding/${STEP_SLUG[following]}`;
    return { ok: true };
  });
  if (result.ok && next) redirect(next);
  return result;
}
