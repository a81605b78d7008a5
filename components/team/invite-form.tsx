"use client";

import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFeedbackAction } from "@/components/forms/use-feedback-action";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { inviteStaffAction } from "@/lib/actions/team/invite-staff";
import { roleLabels, staffRoles } from "@/lib/auth/permissions";

export function InviteForm({ partnerSlug }: { partnerSlug: string }) {
  const [state, formAction] = useFeedbackAction(inviteStaffAction, (data) => `Invitation sent to ${data.email}.`);
  const failed = state && !state.ok ? state : undefined;
  // After a success the form resets; after a failure it keeps what was typed.
  const values = failed?.values ?? {};

  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
      <input type="hidden" name="partnerSlug" value={partnerSlug} />
      <Field label="Email" name="email" errors={failed?.fieldErrors?.email}>
        <Input type="email" placeholder="name@company.com" defaultValue={values.email} key={`email-${values.email}`} />
      </Field>
      <Field label="Role" name="role" errors={failed?.fieldErrors?.role}>
        <NativeSelect defaultValue={values.role ?? "operator"} key={`role-${values.role}`}>
          {staffRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <div className="sm:pt-6">
        <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
      </div>
      {failed?.formError && (
        <div className="sm:col-span-3">
          <FormMessage type="error">{failed.formError}</FormMessage>
        </div>
      )}
    </form>
  );
}
