import "server-only";
import type { MemberAccountType, MemberDraft, MemberStage } from "@/db/schema";
import { missingForApproval, type KycSection } from "@/lib/wallex/client/kyc-wire";
import type { FormStep } from "@/lib/validations/onboarding";

/**
 * The wizard's steps and what each still needs. Names across the wizard are "<step>.<field>" with our
 * field names of kyc-wire.ts ("personal.birthDate", "due_diligence.entityType"), plus
 * "documents.<group>" for a document group Wallex still needs ("documents.identity"): the same
 * convention for `members.missingFields` and `member_comments.field`.
 */
export const WIZARD_STEPS = ["personal", "company", "due_diligence", "documents", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const SECTION_OF: Record<FormStep, KycSection> = {
  personal: "detail",
  company: "company",
  due_diligence: "dueDiligence",
};
export const STEP_OF_SECTION: Record<KycSection, FormStep> = {
  detail: "personal",
  company: "company",
  dueDiligence: "due_diligence",
};

/** URL segment of each step (`/onboarding/due-diligence`). */
export const STEP_SLUG: Record<WizardStep, string> = {
  personal: "personal",
  company: "company",
  due_diligence: "due-diligence",
  documents: "documents",
  review: "review",
};
export function stepFromSlug(slug: string): WizardStep | undefined {
  return WIZARD_STEPS.find((s) => STEP_SLUG[s] === slug);
}

export function stepsFor(accountType: MemberAccountType): WizardStep[] {
  return WIZARD_STEPS.filter((s) => s !== "company" || accountType === "company");
}

/** Stages in which the member's data is frozen: with the partner's reviewer, or with Wallex. */
export const FROZEN_STAGES: readonly MemberStage[] = ["in_partner_review", "submitted"];
/** Stages a submit may start from. */
export const SUBMITTABLE_STAGES: readonly MemberStage[] = ["invited", "in_progress", "changes_requested"];

export type StepState = "done" | "needs" | "not_started";
export type StepStatus = { step: WizardStep; state: StepState; missing: string[]; comments: number };

type Inputs = {
  accountType: MemberAccountType;
  stage: MemberStage;
  missingFields: readonly string[];
  drafts: Pick<MemberDraft, "step" | "data" | "savedToWallexAt">[];
  commentFields: readonly (string | null)[];
};

const prefixOf = (name: string) => name.slice(0, Math.max(0, name.indexOf(".")));

/**
 * Each step's state: `done` once Wallex accepted the step and nothing is missing or asked about;
 * `needs` when a draft exists but Wallex, our own required-for-approval list or a comment still asks
 * for something (so a required field is never first discovered at review); `not_started` otherwise.
 */
export function stepStatuses(input: Inputs): StepStatus[] {
  const frozen = FROZEN_STAGES.includes(input.stage);
  return stepsFor(input.accountType).map((step): StepStatus => {
    const comments = input.commentFields.filter((f) => f !== null && prefixOf(f) === step).length;
    const wallexMissing = input.missingFields.filter((f) => prefixOf(f) === step);
    if (step === "review") {
      return { step, state: frozen ? "done" : "not_started", missing: [], comments: 0 };
    }
    if (step === "documents") {
      const draft = input.drafts.find((d) => d.step === "documents");
      const state: StepState = wallexMissing.length || comments ? "needs" : draft || frozen ? "done" : "not_started";
      return { step, state, missing: wallexMissing, comments };
    }
    const draft = input.drafts.find((d) => d.step === step);
    const ours = missingForApproval(SECTION_OF[step], draft?.data ?? {}).map((f) => `${step}.${f}`);
    const missing = [...new Set([...ours, ...wallexMissing])];
    if (!draft) return { step, state: frozen ? "done" : "not_started", missing, comments };
    const done = draft.savedToWallexAt !== null && missing.length === 0 && comments === 0;
    return { step, state: done ? "done" : "needs", missing, comments };
  });
}

/** Where a returning member resumes: the first step not done (review when all are). */
export function firstUnfinishedStep(statuses: StepStatus[]): WizardStep {
  return statuses.find((s) => s.step !== "review" && s.state !== "done")?.step ?? "review";
}

/** `members.missingFields` with the step's own entries replaced by `missing`. */
export function replaceStepMissing(all: readonly string[], step: string, missing: readonly string[]) {
  return [...all.filter((f) => prefixOf(f) !== step), ...missing.map((f) => `${step}.${f}`)];
}
