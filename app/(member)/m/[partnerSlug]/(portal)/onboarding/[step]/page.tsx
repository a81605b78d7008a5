import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StepForm } from "@/components/onboarding/step-form";
import { SubmitOnboardingForm } from "@/components/onboarding/submit-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireMember } from "@/lib/auth/member-session";
import { onboardingChoices } from "@/lib/services/onboarding/context";
import { stepFields, type FieldSpec } from "@/lib/services/onboarding/form-spec";
import { STEP_SLUG, stepFromSlug, stepsFor, type WizardStep } from "@/lib/services/onboarding/steps";
import { loadWizard, type WizardComment } from "@/lib/services/onboarding/wizard";
import { FORM_STEPS, type FormStep } from "@/lib/validations/onboarding";

type Props = { params: Promise<{ partnerSlug: string; step: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { step } = await params;
  const t = await getTranslations("onboarding");
  const known = stepFromSlug(step);
  return { title: t("metaTitle", { step: known ? t(`steps.${known}`) : step }) };
}

const isFormStep = (s: WizardStep): s is FormStep => (FORM_STEPS as readonly string[]).includes(s);

/** One step of the member's onboarding: a form step, or the review with the submit. */
export default async function OnboardingStepPage({ params }: Props) {
  const { partnerSlug, step: slug } = await params;
  const scope = await requireMember(partnerSlug);
  const step = stepFromSlug(slug);
  const db = getDb();
  const wizard = await loadWizard(db, scope, scope.memberId);
  if (!step || !stepsFor(wizard.accountType).includes(step)) notFound();
  const [t, choices] = await Promise.all([getTranslations("onboarding"), onboardingChoices(db, scope)]);
  const labels = {
    gender: (v: string) => t(`values.gender.${v}` as never),
    idType: (v: string) => t(`values.idType.${v}` as never),
  };
  const status = wizard.statuses.find((s) => s.step === step)!;
  const fieldNames = new Set(
    FORM_STEPS.filter((s) => stepsFor(wizard.accountType).includes(s)).flatMap((s) =>
      stepFields(s, choices, labels).map((f) => `${s}.${f.name}`),
    ),
  );
  const general = wizard.comments.filter((c) => !c.field || !fieldNames.has(c.field));
  const resubmission = wizard.stage === "changes_requested";

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">{t(`steps.${step}`)}</h1>
      {wizard.frozen && (
        <Alert>
          <AlertDescription>{t("frozenNotice")}</AlertDescription>
        </Alert>
      )}
      {resubmission && (
        <Alert variant="warning">
          <AlertDescription>{t("changesRequested")}</AlertDescription>
        </Alert>
      )}
      {general.length > 0 && <GeneralComments comments={general} title={t("generalComments")} />}
      {isFormStep(step) ? (
        <Card>
          <CardHeader>
            <CardTitle className="text-base font-normal text-muted-foreground">{t(`intro.${step}`)}</CardTitle>
          </CardHeader>
          <CardContent>
            {wizard.drafts[step] && !wizard.drafts[step].savedToWallex && !wizard.frozen && (
              <p className="mb-4 text-sm text-muted-foreground">{t("notSentYet")}</p>
            )}
            <StepForm
              partnerSlug={partnerSlug}
              step={step}
              fields={stepFields(step, choices, labels)}
              initial={wizard.drafts[step]?.data ?? {}}
              revision={wizard.drafts[step]?.revision ?? 0}
              comments={commentsByField(wizard.comments, step)}
              missing={status.missing.map((m) => m.slice(step.length + 1))}
              frozen={wizard.frozen}
            />
          </CardContent>
        </Card>
      ) : step === "review" ? (
        <Review
          partnerSlug={partnerSlug}
          partnerName={scope.partnerName}
          wizard={wizard}
          fields={(s) => stepFields(s, choices, labels)}
          t={t}
          resubmission={resubmission}
        />
      ) : (
        <Card>
          <CardContent className="pt-6">
            <Button asChild>
              <Link href={`/m/${partnerSlug}/onboarding/${STEP_SLUG.documents}`}>{t("documentsLink")}</Link>
            </Button>
          </CardContent>
        </Card>
      )}
    </div>
  );
}

function commentsByField(comments: WizardComment[], step: FormStep) {
  const out: Record<string, string[]> = {};
  for (const c of comments) {
    if (c.field?.startsWith(`${step}.`)) (out[c.field.slice(step.length + 1)] ??= []).push(c.body);
  }
  return out;
}

function GeneralComments({ comments, title }: { comments: WizardComment[]; title: string }) {
  return (
    <Alert variant="warning">
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        <ul className="list-inside list-disc space-y-1">
          {comments.map((c) => (
            <li key={c.id} className="break-words">
              {c.body}
            </li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"onboarding">>>;

function Review({
  partnerSlug,
  partnerName,
  wizard,
  fields,
  t,
  resubmission,
}: {
  partnerSlug: string;
  partnerName: string;
  wizard: Awaited<ReturnType<typeof loadWizard>>;
  fields: (step: FormStep) => FieldSpec[];
  t: Translate;
  resubmission: boolean;
}) {
  const steps = stepsFor(wizard.accountType).filter((s) => s !== "review");
  const notReady = wizard.statuses.filter((s) => s.step !== "review" && s.state !== "done");
  const shown = (spec: FieldSpec, value: unknown) => {
    const list = Array.isArray(value) ? value.map(String) : value === undefined || value === "" ? [] : [String(value)];
    return list.map((v) => spec.options?.find((o) => o.value === v)?.label ?? v).join(", ");
  };
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">{t("review.intro")}</p>
      {steps.map((step) => {
        const status = wizard.statuses.find((s) => s.step === step)!;
        const data = isFormStep(step) ? (wizard.drafts[step]?.data ?? {}) : {};
        const filled = isFormStep(step) ? fields(step).filter((f) => shown(f, data[f.name]) !== "") : [];
        return (
          <Card key={step}>
            <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
              <CardTitle className="text-base">
                {t(`steps.${step}`)}{" "}
                <span className="text-sm font-normal text-muted-foreground">({t(`states.${status.state}`)})</span>
              </CardTitle>
              <Button asChild variant="outline" size="sm">
                <Link href={`/m/${partnerSlug}/onboarding/${STEP_SLUG[step]}`}>
                  {t("review.edit", { step: t(`steps.${step}`) })}
                </Link>
              </Button>
            </CardHeader>
            <CardContent className="space-y-3">
              {step === "documents" ? (
                <p className="text-sm text-muted-foreground">{t("review.documentsHint")}</p>
              ) : filled.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("review.empty")}</p>
              ) : (
                <dl className="grid gap-3 text-sm sm:grid-cols-2">
                  {filled.map((f) => (
                    <div key={f.name} className="min-w-0">
                      <dt className="text-muted-foreground">{t(`fields.${f.name}` as never)}</dt>
                      <dd className="font-medium break-words">{shown(f, data[f.name])}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {status.missing.length > 0 && (
                <p className="text-sm text-amber-800">
                  {t("missingHere", {
                    fields: status.missing
                      .map((m) => m.slice(m.indexOf(".") + 1))
                      .map((f) => (step === "documents" ? f : t(`fields.${f}` as never)))
                      .join(", "),
                  })}
                </p>
              )}
            </CardContent>
          </Card>
        );
      })}
      <Card>
        <CardContent className="space-y-3 pt-6">
          {wizard.frozen ? (
            <p className="text-sm">
              {wizard.stage === "in_partner_review"
                ? t("review.inReview", { partner: partnerName })
                : t("review.submitted")}
            </p>
          ) : (
            <>
              {notReady.length > 0 && <p className="text-sm text-muted-foreground">{t("review.notReady")}</p>}
              <SubmitOnboardingForm partnerSlug={partnerSlug} resubmission={resubmission} />
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
