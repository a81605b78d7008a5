"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { confirmTwoFactorAction } from "@/lib/actions/account/confirm-two-factor";
import { regenerateRecoveryCodesAction } from "@/lib/actions/account/regenerate-recovery-codes";
import { startTwoFactorAction } from "@/lib/actions/account/start-two-factor";
import { RecoveryCodes } from "./recovery-codes";

type Enrolment = { secret: string; uri: string; qrDataUrl: string } | null;

type Props = {
  enabled: boolean;
  enrolment: Enrolment;
  unusedRecoveryCodes: number;
  /** Where to go once the codes are saved, when the set-up was forced on the way to a partner. */
  continueTo?: { href: string; name: string };
};

export function TwoFactorCard(props: Props) {
  const [startState, start] = useActionState(startTwoFactorAction, undefined);
  const [confirmState, confirm] = useActionState(confirmTwoFactorAction, undefined);
  const [regenState, regenerate] = useActionState(regenerateRecoveryCodesAction, undefined);
  const [dismissed, setDismissed] = useState<unknown>(null);
  const fresh = [confirmState, regenState].find((s) => s?.ok && s !== dismissed);
  const codes = fresh?.ok ? fresh.data.recoveryCodes : null;
  const confirmFailed = confirmState && !confirmState.ok ? confirmState : undefined;

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Two-factor authentication
          {props.enabled ? <Badge variant="success">On</Badge> : <Badge variant="outline">Off</Badge>}
        </CardTitle>
        <CardDescription>
          A code from an authenticator app (1Password, Google Authenticator, Authy…) at every sign-in.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {codes && <RecoveryCodes codes={codes} onDone={() => setDismissed(fresh)} continueTo={props.continueTo} />}
        {!codes && props.enabled && (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-muted-foreground">{props.unusedRecoveryCodes} unused recovery codes left.</p>
            <form action={regenerate}>
              <SubmitButton variant="outline" pendingLabel="Generating…">
                New recovery codes
              </SubmitButton>
            </form>
          </div>
        )}
        {!props.enabled && !props.enrolment && (
          <form action={start} className="space-y-3">
            {startState && !startState.ok && startState.formError && (
              <FormMessage type="error">{startState.formError}</FormMessage>
            )}
            <SubmitButton pendingLabel="Preparing…">Set up two-factor authentication</SubmitButton>
          </form>
        )}
        {!props.enabled && props.enrolment && (
          <div className="grid gap-6 sm:grid-cols-[200px_1fr]">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={props.enrolment.qrDataUrl}
              alt="QR code to scan with your authenticator app"
              width={200}
              height={200}
              className="rounded-md border"
            />
            <form action={confirm} className="space-y-4" noValidate>
              <ol className="list-decimal space-y-1 pl-5 text-sm text-muted-foreground">
                <li>Scan the QR code with your authenticator app.</li>
                <li>
                  Or enter this key by hand:{" "}
                  <code
                    data-testid="totp-secret"
                    className="break-all rounded bg-muted px-1.5 py-0.5 font-mono text-foreground"
                  >
                    {props.enrolment.secret}
                  </code>
                </li>
                <li>Type the 6-digit code it shows.</li>
              </ol>
              <Field label="Code" name="code" errors={confirmFailed?.fieldErrors?.code}>
                <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="w-32 font-mono" />
              </Field>
              {confirmFailed?.formError && <FormMessage type="error">{confirmFailed.formError}</FormMessage>}
              <SubmitButton pendingLabel="Checking…">Turn on</SubmitButton>
            </form>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
