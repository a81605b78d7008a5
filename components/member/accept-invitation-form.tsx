"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Input } from "@/components/ui/input";
import { acceptMemberInvitationAction } from "@/lib/actions/member/accept-invitation";

export function AcceptInvitationForm(props: { partnerSlug: string; token: string; email: string }) {
  const t = useTranslations("invite");
  const [state, formAction] = useActionState(acceptMemberInvitationAction, undefined);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="partnerSlug" value={props.partnerSlug} />
      <input type="hidden" name="token" value={props.token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={props.email} readOnly hidden />
      <Field
        label={t("password")}
        name="password"
        errors={failed?.fieldErrors?.password}
        description={t("passwordHelp")}
      >
        <Input type="password" autoComplete="new-password" autoFocus />
      </Field>
      <Field label={t("confirm")} name="confirmPassword" errors={failed?.fieldErrors?.confirmPassword}>
        <Input type="password" autoComplete="new-password" />
      </Field>
      {failed?.formError && <FormMessage type="error">{failed.formError}</FormMessage>}
      <SubmitButton className="w-full" pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
