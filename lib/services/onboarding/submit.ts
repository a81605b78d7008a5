import "server-only";
import type { Database, Executor } from "@/db";
import type { Member, MemberStage } from "@/db/schema";
import type { Audited } from "@/lib/audit/audited";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { resolveMemberComments } from "@/lib/data/member-comments";
import { getOnboardingMember, listMemberDrafts, updateOnboardingMember } from "@/lib/data/member-drafts";
import { getMemberOnboardingSettings } from "@/lib/data/member-writes";
import { AppError, notFound } from "@/lib/errors";
import type { WallexClient } from "@/lib/wallex/client";
import { WallexError, WallexInvalidRequestError } from "@/lib/wallex/client/errors";
import { mapWallexFieldErrors, type KycSection } from "@/lib/wallex/client/kyc-wire";
import { listOpenMemberComments } from "@/lib/data/member-comments";
import { notifyMemberStatusChange } from "@/lib/services/members/notify-status";
import { FROZEN_STAGES, STEP_OF_SECTION, stepStatuses, SUBMITTABLE_STAGES } from "./steps";

export type SubmitResult =
  | { outcome: "in_partner_review" | "submitted" }
  /** Submitted before (a double click, another tab): nothing was sent again. */
  | { outcome: "already"; stage: MemberStage }
  /** Something required is still missing ("<step>.<field>", "documents.<group>"); the stage stays. */
  | { outcome: "missing"; missing: string[] };

export type SubmitDeps = { client: () => Promise<WallexClient>; audited: Audited };

/** Wallex's screening refusal in our names: "<step>.<field>" and "documents.<group>". */
export function missingFromScreening(error: WallexError): string[] {
  const mapped = mapWallexFieldErrors(error);
  const out: string[] = [];
  for (const [section, fields] of Object.entries(mapped.fields) as [KycSection, Record<string, string[]>][]) {
    for (const field of Object.keys(fields)) out.push(`${STEP_OF_SECTION[section]}.${field}`);
  }
  for (const group of Object.keys(mapped.documents)) out.push(`documents.${group}`);
  return out;
}

const actingAs = (scope: TenantScope, member: Member) =>
  scope.kind === "staff" ? { actingAsMember: member.email, staff: scope.user.email } : undefined;

/**
 * The member's "Submit": with partner review on, the data goes to the partner's reviewer (stage
 * in_partner_review, frozen); else to Wallex User Screening (stage submitted, Wallex status
 * pending_approval). Idempotent: the stage is claimed first, so of two submits one acts and the
 * other finds it done (one screening call). A screening refused for missing data puts the stage
 * back and stores what is missing on the member, for the checklist. Open member-visible comments
 * are resolved by a submit that went through (a resubmission answers them).
 */
export async function submitOnboarding(
  db: Database,
  scope: TenantScope,
  memberId: string,
  deps: SubmitDeps,
): Promise<SubmitResult> {
  const member = await getOnboardingMember(db, scope, memberId);
  if (!member) throw notFound("Member");
  if (FROZEN_STAGES.includes(member.stage)) return { outcome: "already", stage: member.stage };

  // Our own check first: a step with a field approval needs, or never accepted by Wallex.
  const [drafts, comments] = await Promise.all([
    listMemberDrafts(db, scope, member.id),
    listOpenMemberComments(db, scope, member.id),
  ]);
  const statuses = stepStatuses({
    accountType: member.accountType,
    stage: member.stage,
    missingFields: member.missingFields.filter((f) => !f.startsWith("documents.")),
    drafts,
    commentFields: [],
  });
  const unfinished = statuses.filter((s) => s.step !== "review" && s.step !== "documents" && s.state !== "done");
  if (unfinished.length) {
    const missing = unfinished.flatMap((s) => (s.missing.length ? s.missing : [`${s.step}`]));
    return { outcome: "missing", missing };
  }
  const { memberReviewRequired } = await getMemberOnboardingSettings(db, scope);
  const resubmission = member.stage === "changes_requested";
  const note = (action: string, after: Record<string, unknown>) => ({
    action,
    memberId: member.id,
    target: { type: "member", id: member.id },
    before: { stage: member.stage },
    after: { ...after, resubmission, resolvedComments: comments.length, ...actingAs(scope, member) },
  });

  if (memberReviewRequired) {
    const moved = await deps.audited(
      async (tx) => {
        const row = await updateOnboardingMember(
          tx,
          scope,
          member.id,
          { stage: "in_partner_review", submittedAt: new Date() },
          { fromStages: SUBMITTABLE_STAGES },
        );
        if (row) await resolveMemberComments(tx, scope, member.id);
        if (row)
          await notifyMemberStatusChange(tx, scope, member, {
            kind: "stage",
            stage: "in_partner_review",
            from: member.stage,
          });
        return row;
      },
      (row) => (row ? note("onboarding.submitted_for_review", { stage: "in_partner_review" }) : []),
    );
    if (!moved) return alreadyDone(db, scope, member.id);
    return { outcome: "in_partner_review" };
  }

  if (!member.wallexUserId) {
    throw new AppError("CONFLICT", { userMessage: "onboarding.errors.notAtWallex" });
  }
  // The claim: only one submit moves the stage, so only one calls screening.
  const claimed = await updateOnboardingMember(
    db,
    scope,
    member.id,
    { stage: "submitted", submittedAt: new Date() },
    { fromStages: SUBMITTABLE_STAGES },
  );
  if (!claimed) return alreadyDone(db, scope, member.id);

  const putBack = (tx: Executor, patch: { missingFields?: string[] } = {}) =>
    updateOnboardingMember(
      tx,
      scope,
      member.id,
      { stage: member.stage, submittedAt: null, ...patch },
      {
        fromStages: ["submitted"],
      },
    );

  let status: string | null = null;
  try {
    const client = await deps.client();
    try {
      const answer = await client.users.screen({ userId: member.wallexUserId, body: { userId: member.wallexUserId } });
      status = answer.status ?? "pending_approval";
    } catch (error) {
      if (
        error instanceof WallexInvalidRequestError &&
        (error.missingFields?.length || Object.keys(error.fieldErrors).length)
      ) {
        const missing = missingFromScreening(error);
        await deps.audited(
          (tx) => putBack(tx, { missingFields: missing }),
          note("onboarding.screening_refused", { stage: member.stage, missing }),
        );
        return { outcome: "missing", missing };
      }
      if (error instanceof WallexError && error.status && error.status < 500) throw error;
      // Unknown outcome (timeout, 5xx): read the user back before deciding.
      const user = await client.users.retrieve({ userId: member.wallexUserId });
      if (user.status !== "pending_approval") throw error;
      status = user.status;
    }
  } catch (error) {
    await deps.audited((tx) => putBack(tx), note("onboarding.screening_failed", { stage: member.stage }));
    if (error instanceof WallexError) {
      throw new AppError("PROVIDER_ERROR", { userMessage: "onboarding.errors.wallexUnavailable", cause: error });
    }
    throw error;
  }

  await deps.audited(
    async (tx) => {
      await updateOnboardingMember(tx, scope, member.id, { wallexStatus: status, missingFields: [] });
      await resolveMemberComments(tx, scope, member.id);
      await notifyMemberStatusChange(tx, scope, member, { kind: "stage", stage: "submitted", from: member.stage });
    },
    note("onboarding.submitted_for_screening", { stage: "submitted", wallexStatus: status }),
  );
  return { outcome: "submitted" };
}

async function alreadyDone(db: Database, scope: TenantScope, memberId: string): Promise<SubmitResult> {
  const now = await getOnboardingMember(db, scope, memberId);
  return { outcome: "already", stage: now?.stage ?? "submitted" };
}
