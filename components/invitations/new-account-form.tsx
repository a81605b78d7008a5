"use client";

import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Input } from "@/components/ui/input";
import { acceptInvitationWithNewAccountAction } from "@/lib/actions/invitations/accept-invitation";

export function NewAccountForm({ token, email }: { token: string; email: string }) {
  const [state, formAction] = useActionState(acceptInvitationWithNewAccountAction, undefined);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate key={failed ? JSON.stringify(failed.values) : "new"}>
      <input type="hidden" name="token" value={token} />
      <Field label="Email" name="email-display">
        <Input value={email} readOnly disabled />
      </Field>
      <Field label="Your name" name="name" errors={failed?.fieldErrors?.name}>
        <Input autoComplete="name" defaultValue={failed?.values?.name} autoFocus />
      </Field>
      <Field
        label="Password"
        name="password"
        errors={failed?.fieldErrors?.password}
        description="At least 12 characters."
      >
        <Input type="password" autoComplete="new-password" />
      </Field>
      <Field label="Confirm password" name="confirmPassword" errors={failed?.fieldErrors?.confirmPassword}>
        <Input type="password" autoComplete="new-password" />
      </Field>
      {failed?.formError && <FormMessage type="error">{failed.formError}</FormMessage>}
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        Create account and join
      </SubmitButton>
    </form>
  );
}
