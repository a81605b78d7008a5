import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StepForm } from "@/components/onboarding/step-form";
import { Card, CardContent } from "@/components/ui/card";
import { saveOnboardingStepAsStaffAction } from "@/lib/actions/onboarding/save-step";
import { onboardingChoices } from "@/lib/services/onboarding/context";
import { stepFields } from "@/lib/services/onboarding/form-spec";
import { stepFromSlug, stepsFor } from "@/lib/services/onboarding/steps";
import { FORM_STEPS, type FormStep } from "@/lib/validations/onboarding";
import { ActAsFrame, loadActAs } from "../act-view";

export const metadata: Metadata = { title: "Act as member" };

type Props = { params: Promise<{ partnerSlug: string; memberId: string; step: string }> };

export default async function ActAsMemberStepPage({ params }: Props) {
  const { partnerSlug, memberId, step: slug } = await params;
  const data = await loadActAs(partnerSlug, memberId);
  const step = stepFromSlug(slug);
  if (!step || !(FORM_STEPS as readonly string[]).includes(step) || !stepsFor(data.member.accountType).includes(step))
    notFound();
  const formStep = step as FormStep;
  const { wizard, scope, db } = data;
  const [t, choices] = await Promise.all([
    getTranslations({ locale: "en", namespace: "onboarding" }),
    onboardingChoices(db, scope),
  ]);
  const labels = {
    gender: (v: string) => t(`values.gender.${v}` as never),
    idType: (v: string) => t(`values.idType.${v}` as never),
  };
  const status = wizard.statuses.find((s) => s.step === step)!;
  const comments: Record<string, string[]> = {};
  for (const c of wizard.comments) {
    if (c.field?.startsWith(`${step}.`)) (comments[c.field.slice(step.length + 1)] ??= []).push(c.body);
  }
  return (
    <ActAsFrame partnerSlug={partnerSlug} data={data} title={t(`steps.${formStep}`).toLowerCase()}>
      <Card>
        <CardContent className="pt-6">
          <StepForm
            partnerSlug={partnerSlug}
            step={formStep}
            fields={stepFields(formStep, choices, labels)}
            initial={wizard.drafts[formStep]?.data ?? {}}
            revision={wizard.drafts[formStep]?.revision ?? 0}
            comments={comments}
            missing={status.missing.map((m) => m.slice(step.length + 1))}
            frozen={wizard.frozen}
            action={saveOnboardingStepAsStaffAction}
            memberId={wizard.memberId}
          />
        </CardContent>
      </Card>
    </ActAsFrame>
  );
}
