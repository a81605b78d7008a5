import { getTranslations } from "next-intl/server";
import { OnboardingChecklist } from "@/components/onboarding/checklist";
import { getDb } from "@/db";
import { requireMember } from "@/lib/auth/member-session";
import { STEP_SLUG } from "@/lib/services/onboarding/steps";
import { loadWizard } from "@/lib/services/onboarding/wizard";

/** Every onboarding step (the documents step too) beside the checklist of steps and their state. */
export default async function OnboardingLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ partnerSlug: string }>;
}) {
  const { partnerSlug } = await params;
  const scope = await requireMember(partnerSlug);
  const [wizard, t] = await Promise.all([loadWizard(getDb(), scope, scope.memberId), getTranslations("onboarding")]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-2xl font-semibold tracking-tight break-words">{t("title")}</p>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <OnboardingChecklist basePath={`/m/${partnerSlug}/onboarding`} statuses={wizard.statuses} slugs={STEP_SLUG} />
        </aside>
        <div className="min-w-0">{children}</div>
      </div>
    </div>
  );
}
