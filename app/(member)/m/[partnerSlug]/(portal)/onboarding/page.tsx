import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { requireMember } from "@/lib/auth/member-session";
import { STEP_SLUG } from "@/lib/services/onboarding/steps";
import { loadWizard } from "@/lib/services/onboarding/wizard";

type Props = { params: Promise<{ partnerSlug: string }> };

/** Coming back: straight to the first step not done yet, with the drafts filled in. */
export default async function OnboardingResumePage({ params }: Props) {
  const { partnerSlug } = await params;
  const scope = await requireMember(partnerSlug);
  const wizard = await loadWizard(getDb(), scope, scope.memberId);
  redirect(`/m/${encodeURIComponent(partnerSlug)}/onboarding/${STEP_SLUG[wizard.resumeAt]}`);
}
