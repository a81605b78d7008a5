"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/forms/field";
import { FieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { saveOnboardingStepAction } from "@/lib/actions/onboarding/save-step";
import type { OnboardingActionState } from "@/lib/actions/onboarding/run";
import type { FieldSpec } from "@/lib/services/onboarding/form-spec";
import type { FormStep } from "@/lib/validations/onboarding";

type Props = {
  partnerSlug: string;
  step: FormStep;
  fields: FieldSpec[];
  initial: Record<string, unknown>;
  revision: number;
  /** Member-visible comments pinned to this step's fields, by field name. */
  comments: Record<string, string[]>;
  /** Fields Wallex or approval still needs, by our name. */
  missing: string[];
  frozen: boolean;
  /** Staff acting as the member post to their own action, naming the member. */
  action?: typeof saveOnboardingStepAction;
  memberId?: string;
};

const asString = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

/**
 * One step of the wizard. On any error the form comes back with what was typed (the action echoes
 * it, and the form is re-keyed on it), each message next to its field.
 */
export function StepForm({
  partnerSlug,
  step,
  fields,
  initial,
  revision,
  comments,
  missing,
  frozen,
  action = saveOnboardingStepAction,
  memberId,
}: Props) {
  const t = useTranslations("onboarding");
  const [state, formAction] = useActionState<OnboardingActionState | undefined, FormData>(action, undefined);
  const failed = state && !state.ok ? state : undefined;
  const values: Record<string, unknown> = failed?.values ?? initial;
  const errors = failed?.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate className="space-y-6" key={failed ? JSON.stringify(failed.values) : "saved"}>
      <input type="hidden" name="partnerSlug" value={partnerSlug} />
      <input type="hidden" name="step" value={step} />
      {memberId && <input type="hidden" name="memberId" value={memberId} />}
      <input type="hidden" name="revision" value={failed?.revision ?? revision} />
      <fieldset disabled={frozen} className="grid gap-5 sm:grid-cols-2">
        <legend className="sr-only">{t(`steps.${step}`)}</legend>
        {fields.map((f) => {
          const label = t(`fields.${f.name}` as never);
          const fieldComments = comments[f.name] ?? [];
          const description = (
            <>
              {f.help && <span className="block">{t(`fields.${f.name}Help` as never)}</span>}
              {f.required && missing.includes(f.name) && <span className="block">{t("required")}</span>}
              {fieldComments.map((c) => (
                <span key={c} className="mt-1 block rounded bg-warning-soft px-2 py-1 text-warning-soft-foreground">
                  {c}
                </span>
              ))}
            </>
          );
          const hasDescription = f.help || (f.required && missing.includes(f.name)) || fieldComments.length > 0;
          const wide = f.kind === "textarea" || f.kind === "multi";
          if (f.kind === "multi") {
            const chosen = asList(values[f.name]);
            const errorId = errors[f.name]?.length ? `${f.name}-error` : undefined;
            return (
              <fieldset key={f.name} className="grid gap-2 sm:col-span-2" aria-describedby={errorId}>
                <legend className="text-sm font-medium">{label}</legend>
                {hasDescription && <p className="text-[13px] leading-5 text-muted-foreground">{description}</p>}
                <div className="grid gap-2 sm:grid-cols-2">
                  {f.options?.map((o) => (
                    <label key={o.value} className="flex items-center gap-2 text-sm">
                      <Checkbox
                        name={f.name}
                        value={o.value}
                        defaultChecked={chosen.includes(o.value)}
                        aria-invalid={errorId ? true : undefined}
                      />
                      {o.label}
                    </label>
                  ))}
                </div>
                <FieldError id={errorId} errors={errors[f.name]} />
              </fieldset>
            );
          }
          return (
            <Field
              key={f.name}
              label={label}
              name={f.name}
              errors={errors[f.name]}
              description={hasDescription ? description : undefined}
              className={wide ? "sm:col-span-2" : undefined}
            >
              {f.kind === "select" ? (
                <NativeSelect defaultValue={asString(values[f.name])}>
                  <option value="">{t("choose")}</option>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </NativeSelect>
              ) : f.kind === "textarea" ? (
                <Textarea defaultValue={asString(values[f.name])} autoComplete={f.autoComplete} rows={2} />
              ) : (
                <Input
                  type={f.kind === "date" ? "date" : "text"}
                  defaultValue={asString(values[f.name])}
                  autoComplete={f.autoComplete}
                  inputMode={f.inputMode}
                />
              )}
            </Field>
          );
        })}
      </fieldset>
      {failed?.formError && <FormMessage type="error">{failed.formError}</FormMessage>}
      {!frozen && (
        <div className="flex justify-end">
          <SubmitButton pendingLabel={t("saving")} className="w-full sm:w-auto">
            {t("save")}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
