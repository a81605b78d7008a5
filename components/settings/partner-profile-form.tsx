"use client";

import { CountrySelect } from "@/components/forms/country-select";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFeedbackAction } from "@/components/forms/use-feedback-action";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { Country } from "@/lib/countries";
import { updatePartnerProfileAction } from "@/lib/actions/settings/update-partner-profile";

type Partner = {
  name: string;
  legalName: string | null;
  country: string | null;
  supportEmail: string | null;
  website: string | null;
};

type Props = { partnerSlug: string; partner: Partner; countries: readonly Country[] };

export function PartnerProfileForm({ partnerSlug, partner, countries }: Props) {
  const [state, formAction] = useFeedbackAction(updatePartnerProfileAction, "Profile saved.");
  const failed = state && !state.ok ? state : undefined;
  const value = (name: keyof Partner) => failed?.values?.[name] ?? partner[name] ?? "";
  const errors = failed?.fieldErrors;
  // Remount the inputs with the echoed values after a failed submission (React resets forms after actions).
  const key = failed ? JSON.stringify(failed.values) : "saved";

  return (
    <Card>
      <form action={formAction} noValidate key={key}>
        <CardHeader>
          <CardTitle>Partner profile</CardTitle>
          <CardDescription>Shown to your team and on mail sent to your members.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="partnerSlug" value={partnerSlug} />
          <Field label="Display name" name="name" errors={errors?.name}>
            <Input defaultValue={value("name")} />
          </Field>
          <Field label="Legal name" name="legalName" errors={errors?.legalName}>
            <Input defaultValue={value("legalName")} />
          </Field>
          <Field label="Country" name="country" errors={errors?.country}>
            <CountrySelect countries={countries} noneLabel="Not set" defaultValue={value("country")} />
          </Field>
          <Field label="Support email" name="supportEmail" errors={errors?.supportEmail}>
            <Input type="email" defaultValue={value("supportEmail")} />
          </Field>
          <Field label="Website" name="website" errors={errors?.website}>
            <Input type="url" defaultValue={value("website")} placeholder="https://" />
          </Field>
          {failed?.formError && (
            <div className="sm:col-span-2">
              <FormMessage type="error">{failed.formError}</FormMessage>
            </div>
          )}
        </CardContent>
        <CardFooter className="justify-end">
          <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
