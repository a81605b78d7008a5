import "server-only";
import type { Database } from "@/db";
import type { MemberAccountType, MemberStage, OnboardingStep } from "@/db/schema";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { listOpenMemberComments } from "@/lib/data/member-comments";
import { getOnboardingMember, listMemberDrafts } from "@/lib/data/member-drafts";
import { notFound } from "@/lib/errors";
import { firstUnfinishedStep, FROZEN_STAGES, stepStatuses, type StepStatus, type WizardStep } from "./steps";

export type WizardComment = {
  id: string;
  field: string | null;
  documentId: string | null;
  body: string;
  source: string;
};

export type WizardView = {
  memberId: string;
  accountType: MemberAccountType;
  stage: MemberStage;
  wallexStatus: string | null;
  frozen: boolean;
  statuses: StepStatus[];
  resumeAt: WizardStep;
  drafts: Partial<Record<OnboardingStep, { data: Record<string, unknown>; revision: number; savedToWallex: boolean }>>;
  /** Member-visible open comments only: what the member (or staff acting as them) may read. */
  comments: WizardComment[];
};

/** Everything a wizard page shows about the member: steps and their state, drafts, open comments. */
export async function loadWizard(db: Database, scope: TenantScope, memberId: string): Promise<WizardView> {
  const member = await getOnboardingMember(db, scope, memberId);
  if (!member) throw notFound("Member");
  const [drafts, comments] = await Promise.all([
    listMemberDrafts(db, scope, member.id),
    listOpenMemberComments(db, scope, member.id),
  ]);
  const statuses = stepStatuses({
    accountType: member.accountType,
    stage: member.stage,
    missingFields: member.missingFields,
    drafts,
    commentFields: comments.map((c) => c.field),
  });
  return {
    memberId: member.id,
    accountType: member.accountType,
    stage: member.stage,
    wallexStatus: member.wallexStatus,
    frozen: FROZEN_STAGES.includes(member.stage),
    statuses,
    resumeAt: firstUnfinishedStep(statuses),
    drafts: Object.fromEntries(
      drafts.map((d) => [d.step, { data: d.data, revision: d.revision, savedToWallex: d.savedToWallexAt !== null }]),
    ),
    comments: comments.map((c) => ({
      id: c.id,
      field: c.field,
      documentId: c.documentId,
      body: c.body,
      source: c.source,
    })),
  };
}
