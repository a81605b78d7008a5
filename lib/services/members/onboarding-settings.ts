import "server-only";
import type { Executor } from "@/db";
import type { StaffScope } from "@/lib/auth/scope";
import {
  getMemberOnboardingSettings,
  updateMemberOnboardingSettings,
  type MemberOnboardingSettings,
} from "@/lib/data/member-writes";

/** Settings → Member onboarding: whether members get the partner's review first, and which signups Wallex enabled. */
export async function updateMemberOnboarding(db: Executor, scope: StaffScope, settings: MemberOnboardingSettings) {
  const before = await getMemberOnboardingSettings(db, scope);
  await updateMemberOnboardingSettings(db, scope, settings);
  return { before, after: settings };
}
