"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Input } from "@/components/ui/input";
import { signInMemberAction } from "@/lib/actions/member/sign-in";

export function MemberSignInForm({ partnerSlug }: { partnerSlug: string }) {
  const t = useTranslations("signIn");
  const [state, formAction] = useActionState(signInMemberAction, undefined);
  // Controlled, so the email and password survive the second step (the authenticator code).
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const needsCode = !!state?.needsCode;
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="partnerSlug" value={partnerSlug} />
      <div className={needsCode ? "hidden" : "space-y-4"}>
        <Field label={t("email")} name="email" errors={errors?.email}>
          <Input
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label={t("password")} name="password" errors={errors?.password}>
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
        <Field label={t("code")} name="code" errors={errors?.code} description={t("codeHelp")}>
          <Input autoComplete="one-time-code" inputMode="numeric" autoFocus key="code" />
        </Field>
      )}
      {state && !state.ok && state.formError && <FormMessage type="error">{state.formError}</FormMessage>}
      <SubmitButton className="w-full" pendingLabel={t("pending")}>
        {needsCode ? t("verify") : t("submit")}
      </SubmitButton>
    </form>
  );
}
