"use server";

import { redirect } from "next/navigation";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { getOnboardingMember } from "@/lib/data/member-drafts";
import { listsOf, onboardingChoices, onboardingClient } from "@/lib/services/onboarding/context";
import { saveOnboardingStep } from "@/lib/services/onboarding/save-step";
import { STEP_SLUG, stepsFor } from "@/lib/services/onboarding/steps";
import { FORM_STEPS, type FormStep } from "@/lib/validations/onboarding";
import { runAsMember, runAsStaff, type OnboardingActionState, type OnboardingRun } from "./run";

/** The save itself, for the member or staff acting as them; the path of the step that follows. */
async function saveFromForm(
  { db, scope, memberId, audited }: OnboardingRun<TenantScope>,
  values: Record<string, string | string[]>,
): Promise<string | null> {
  const step = String(values.step ?? "") as FormStep;
  if (!FORM_STEPS.includes(step)) return null;
  const revision = Number.parseInt(String(values.revision ?? "0"), 10);
  const { step: _s, revision: _r, partnerSlug: _p, memberId: _m, ...fields } = values;
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
  return STEP_SLUG[steps[steps.indexOf(step) + 1] ?? "review"];
}

/** Saves one wizard step (the member's own), then goes on to the next step. */
export async function saveOnboardingStepAction(
  _prev: OnboardingActionState | undefined,
  raw: FormData,
): Promise<OnboardingActionState> {
  let next: string | null = null;
  const result = await runAsMember(raw, "onboarding.save_step", async (run, values) => {
    const following = await saveFromForm(run, values);
    if (!following) return { ok: false, values };
    next = `/m/${encodeURIComponent(run.scope.partnerSlug)}/onboarding/${following}`;
    return { ok: true };
  });
  if (result.ok && next) redirect(next);
  return result;
}

/** Staff (members.manage) saving a step as the member; the audit row names both. */
export async function saveOnboardingStepAsStaffAction(
  _prev: OnboardingActionState | undefined,
  raw: FormData,
): Promise<OnboardingActionState> {
  let next: string | null = null;
  const result = await runAsStaff(raw, "onboarding.save_step_as_member", async (run, values) => {
    const following = await saveFromForm(run, values);
    if (!following) return { ok: false, values };
    const form = FORM_STEPS as readonly string[];
    const slug = form.includes(following.replace("-", "_")) ? following : "";
    next = `/p/${encodeURIComponent(run.scope.partnerSlug)}/members/${run.memberId}/act${slug ? `/${slug}` : ""}`;
    return { ok: true };
  });
  if (result.ok && next) redirect(next);
  return result;
}
