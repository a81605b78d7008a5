"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Input } from "@/components/ui/input";
import { signInAction } from "@/lib/actions/auth/sign-in";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(signInAction, undefined);
  // Controlled, so the email and password survive the second step (the authenticator code).
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const needsCode = !!state?.needsCode;
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className={needsCode ? "hidden" : "space-y-4"}>
        <Field label="Email" name="email" errors={errors?.email}>
          <Input
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label="Password" name="password" errors={errors?.password}>
          <Input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
      </div>
      {needsCode && (
        <Field
          label="Authentication code"
          name="code"
          errors={errors?.code}
          description="Enter the 6-digit code from your authenticator app, or one of your recovery codes."
        >
          <Input autoComplete="one-time-code" inputMode="numeric" autoFocus key="code" />
        </Field>
      )}
      {state && !state.ok && state.formError && <FormMessage type="error">{state.formError}</FormMessage>}
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        {needsCode ? "Verify and sign in" : "Sign in"}
      </SubmitButton>
    </form>
  );
}
