"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CountrySelect } from "@/components/forms/country-select";
import { Field } from "@/components/forms/field";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFeedbackAction } from "@/components/forms/use-feedback-action";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { createMemberAction } from "@/lib/actions/members/create-member";
import type { Country } from "@/lib/countries";
import { MEMBER_LOCALES, memberLocaleLabels, signupChoices, type SignupChoice } from "@/lib/members/signup-choices";
import { cn } from "@/lib/utils";

type Props = {
  partnerSlug: string;
  /** The signups the partner enabled, in the order offered. */
  choices: SignupChoice[];
  countries: readonly Country[];
  /** One per form: a double click or a retry after a timeout is the same signup. */
  idempotencyKey: string;
};

export function NewMemberForm({ partnerSlug, choices, countries, idempotencyKey }: Props) {
  const router = useRouter();
  const [state, formAction] = useFeedbackAction(
    createMemberAction,
    (data) =>
      data.replayed ? `${data.email} was already created.` : `Member created. Invitation sent to ${data.email}.`,
    { onSuccess: (data) => router.push(`/p/${partnerSlug}/members/${data.memberId}`) },
  );
  const failed = state && !state.ok ? state : undefined;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors;
  const [choice, setChoice] = useState<SignupChoice>(
    (values.signup as SignupChoice | undefined) ?? choices[0] ?? "full_individual",
  );
  const company = signupChoices[choice].accountType === "company";
  // Remount the inputs with the echoed values after a failed submission (React resets forms after actions).
  const key = failed ? JSON.stringify(failed.values) : "new";

  return (
    <Card>
      <form action={formAction} noValidate key={key}>
        <CardHeader>
          <CardTitle>Member details</CardTitle>
          <CardDescription>
            We sign the member up at Wallex and email them a link to finish their details in the member portal.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <input type="hidden" name="partnerSlug" value={partnerSlug} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <fieldset
            className="grid gap-2"
            aria-describedby={errors?.signup ? "signup-error" : undefined}
            data-invalid={errors?.signup ? true : undefined}
          >
            <legend className="mb-2 text-sm font-medium">Signup</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {choices.map((value) => (
                <label
                  key={value}
                  className={cn(
                    "flex cursor-pointer gap-3 rounded-lg border p-3 text-sm",
                    choice === value && "border-primary bg-accent",
                  )}
                >
                  <input
                    type="radio"
                    name="signup"
                    value={value}
                    checked={choice === value}
                    onChange={() => setChoice(value)}
                    className="mt-0.5 accent-primary"
                  />
                  <span className="grid gap-0.5">
                    <span className="font-medium">{signupChoices[value].label}</span>
                    <span className="text-muted-foreground">{signupChoices[value].hint}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldError id="signup-error" errors={errors?.signup} />
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Email" name="email" errors={errors?.email}>
              <Input type="email" autoComplete="off" defaultValue={values.email} />
            </Field>
            <Field label="Language of the member's mail" name="locale" errors={errors?.locale}>
              <NativeSelect defaultValue={values.locale ?? "en"}>
                {MEMBER_LOCALES.map((locale) => (
                  <option key={locale} value={locale}>
                    {memberLocaleLabels[locale]}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field label="First name" name="firstName" errors={errors?.firstName}>
              <Input autoComplete="off" defaultValue={values.firstName} />
            </Field>
            <Field label="Last name" name="lastName" errors={errors?.lastName}>
              <Input autoComplete="off" defaultValue={values.lastName} />
            </Field>
            {company && (
              <Field label="Company name" name="companyName" errors={errors?.companyName}>
                <Input autoComplete="off" defaultValue={values.companyName} />
              </Field>
            )}
            <Field label="Country" name="countryCode" errors={errors?.countryCode}>
              <CountrySelect countries={countries} noneLabel="Choose a country" defaultValue={values.countryCode} />
            </Field>
            {choice === "lite_company" && (
              <>
                <Field
                  label="Registration number (optional)"
                  name="registrationNumber"
                  errors={errors?.registrationNumber}
                >
                  <Input autoComplete="off" defaultValue={values.registrationNumber} />
                </Field>
                <Field
                  label="Country of incorporation (optional)"
                  name="countryOfIncorporation"
                  errors={errors?.countryOfIncorporation}
                >
                  <CountrySelect
                    countries={countries}
                    noneLabel="Not given"
                    defaultValue={values.countryOfIncorporation}
                  />
                </Field>
              </>
            )}
            {choice === "lite_individual" && (
              <>
                <Field label="Nationality (optional)" name="nationality" errors={errors?.nationality}>
                  <CountrySelect countries={countries} noneLabel="Not given" defaultValue={values.nationality} />
                </Field>
                <Field label="Date of birth (optional)" name="dateOfBirth" errors={errors?.dateOfBirth}>
                  <Input type="date" defaultValue={values.dateOfBirth} />
                </Field>
                <div className="grid grid-cols-[6rem_1fr] gap-3">
                  <Field label="Dialling code" name="mobileCountryCode" errors={errors?.mobileCountryCode}>
                    <Input inputMode="tel" placeholder="62" defaultValue={values.mobileCountryCode} />
                  </Field>
                  <Field label="Mobile (optional)" name="mobileNumber" errors={errors?.mobileNumber}>
                    <Input inputMode="tel" defaultValue={values.mobileNumber} />
                  </Field>
                </div>
              </>
            )}
          </div>
          {failed?.formError && <FormMessage type="error">{failed.formError}</FormMessage>}
        </CardContent>
        <CardFooter className="justify-end">
          <SubmitButton pendingLabel="Creating…">Create member</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
