"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { submitOnboardingAction } from "@/lib/actions/onboarding/submit";
import type { OnboardingActionState } from "@/lib/actions/onboarding/run";

/** "Submit application" (or "Submit again" after changes were requested); a second click sends nothing more. */
export function SubmitOnboardingForm({ partnerSlug, resubmission }: { partnerSlug: string; resubmission: boolean }) {
  const t = useTranslations("onboarding.review");
  const [state, formAction] = useActionState<OnboardingActionState | undefined, FormData>(
    submitOnboardingAction,
    undefined,
  );
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="partnerSlug" value={partnerSlug} />
      {state?.ok === false && state.formError && <FormMessage type="error">{state.formError}</FormMessage>}
      {state?.ok && state.message && <FormMessage type="success">{state.message}</FormMessage>}
      {!state?.ok && (
        <SubmitButton pendingLabel={t("submitting")} className="w-full sm:w-auto">
          {resubmission ? t("resubmit") : t("submit")}
        </SubmitButton>
      )}
    </form>
  );
}
