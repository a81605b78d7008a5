"use client";

import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFeedbackAction } from "@/components/forms/use-feedback-action";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import type { MemberSignupKind } from "@/db/schema";
import { updateMemberOnboardingAction } from "@/lib/actions/members/update-onboarding-settings";
import { SIGNUP_KINDS, signupKindLabels } from "@/lib/members/signup-choices";

type Props = {
  partnerSlug: string;
  settings: { memberReviewRequired: boolean; memberSignupKinds: MemberSignupKind[] };
};

const kindHints: Record<MemberSignupKind, string> = {
  full: "Full KYC or KYB: the member fills in every section and uploads documents.",
  lite_company: "Lite KYB for a company: collections and payouts to your own account only.",
  lite_individual: "Lite KYC for a person: collections and payouts to your own account only.",
};

/** Settings → Member onboarding: the partner's review before Wallex screening, and the signups Wallex enabled. */
export function MemberOnboardingForm({ partnerSlug, settings }: Props) {
  const [state, formAction] = useFeedbackAction(updateMemberOnboardingAction, "Member onboarding saved.");
  const failed = state && !state.ok ? state : undefined;
  const errors = failed?.fieldErrors;
  const key = failed ? JSON.stringify(failed.values ?? {}) : "saved";
  const ticked = (kind: MemberSignupKind) =>
    failed ? failed.values?.[`signup_${kind}`] === "on" : settings.memberSignupKinds.includes(kind);
  const reviewTicked = failed ? failed.values?.memberReviewRequired === "on" : settings.memberReviewRequired;

  return (
    <Card>
      <form action={formAction} noValidate key={key}>
        <CardHeader>
          <CardTitle>Member onboarding</CardTitle>
          <CardDescription>How new members are signed up at Wallex and reviewed before screening.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <input type="hidden" name="partnerSlug" value={partnerSlug} />
          <label className="flex items-start gap-3 text-sm">
            <Checkbox name="memberReviewRequired" defaultChecked={reviewTicked} className="mt-0.5" />
            <span className="grid gap-0.5">
              <span className="font-medium">Review members before Wallex screening</span>
              <span className="text-muted-foreground">
                A submitted member comes to your compliance team first; only what you approve goes to Wallex.
              </span>
            </span>
          </label>
          <fieldset
            className="grid gap-3"
            aria-describedby={errors?.memberSignupKinds ? "member-signup-kinds-error" : undefined}
          >
            <legend className="mb-1 text-sm font-medium">Signups Wallex enabled for you</legend>
            {SIGNUP_KINDS.map((kind) => (
              <label key={kind} className="flex items-start gap-3 text-sm">
                <Checkbox name={`signup_${kind}`} defaultChecked={ticked(kind)} className="mt-0.5" />
                <span className="grid gap-0.5">
                  <span className="font-medium">{signupKindLabels[kind]}</span>
                  <span className="text-muted-foreground">{kindHints[kind]}</span>
                </span>
              </label>
            ))}
            <FieldError id="member-signup-kinds-error" errors={errors?.memberSignupKinds} />
          </fieldset>
          {failed?.formError && <FormMessage type="error">{failed.formError}</FormMessage>}
        </CardContent>
        <CardFooter className="justify-end">
          <SubmitButton pendingLabel="Saving…">Save member onboarding</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
