"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { confirmMemberTwoFactorAction, startMemberTwoFactorAction } from "@/lib/actions/member/two-factor";

type Props = {
  partnerSlug: string;
  enabled: boolean;
  enrolment: { secret: string; qrDataUrl: string } | null;
};

export function MemberTwoFactorCard({ partnerSlug, enabled, enrolment }: Props) {
  const t = useTranslations("security");
  const [startState, start] = useActionState(startMemberTwoFactorAction, undefined);
  const [confirmState, confirm] = useActionState(confirmMemberTwoFactorAction, undefined);
  const confirmFailed = confirmState && !confirmState.ok ? confirmState : undefined;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          {t("twoFactorTitle")}
          <Badge variant={enabled ? "success" : "outline"}>{enabled ? t("badgeOn") : t("badgeOff")}</Badge>
        </CardTitle>
        <CardDescription>{enabled ? t("on") : t("off")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {enabled && confirmState?.ok && <FormMessage type="success">{t("enabled")}</FormMessage>}
        {!enabled && !enrolment && (
          <form action={start} className="space-y-3">
            <input type="hidden" name="partnerSlug" value={partnerSlug} />
            {startState && !startState.ok && startState.formError && (
              <FormMessage type="error">{startState.formError}</FormMessage>
            )}
            <SubmitButton>{t("start")}</SubmitButton>
          </form>
        )}
        {!enabled && enrolment && (
          <div className="grid gap-6 sm:grid-cols-[200px_1fr]">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={enrolment.qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded-md border" />
            <form action={confirm} className="min-w-0 space-y-4" noValidate>
              <input type="hidden" name="partnerSlug" value={partnerSlug} />
              <p className="text-sm text-muted-foreground">{t("scan")}</p>
              <p className="text-sm">
                {t("key")}:{" "}
                <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs break-all">{enrolment.secret}</code>
              </p>
              <Field
                label={t("code")}
                name="code"
                errors={confirmFailed?.fieldErrors?.code}
                description={t("codeHelp")}
              >
                <Input autoComplete="one-time-code" inputMode="numeric" />
              </Field>
              {confirmFailed?.formError && <FormMessage type="error">{confirmFailed.formError}</FormMessage>}
              <SubmitButton pendingLabel={t("pending")}>{t("confirm")}</SubmitButton>
            </form>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
