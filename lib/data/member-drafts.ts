import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { memberDrafts, members, type MemberStage, type OnboardingStep } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/**
 * The onboarding wizard's rows: a member's drafts per step and the member row's onboarding
 * columns (stage, missingFields). A member scope reaches only its own member (scopeWhere); staff
 * acting as a member name the member.
 */

/** A member scope writes only its own member's rows: a memberId that is not theirs is refused outright. */
function ownMember(scope: TenantScope, memberId: string) {
  if (scope.kind === "member" && scope.memberId !== memberId) {
    throw new Error("A member scope may only write its own member's drafts.");
  }
}

export async function listMemberDrafts(db: Executor, scope: TenantScope, memberId: string) {
  return db
    .select()
    .from(memberDrafts)
    .where(and(scopeWhere(memberDrafts, scope), eq(memberDrafts.memberId, memberId)));
}

export async function getMemberDraft(db: Executor, scope: TenantScope, memberId: string, step: OnboardingStep) {
  const [draft] = await db
    .select()
    .from(memberDrafts)
    .where(and(scopeWhere(memberDrafts, scope), eq(memberDrafts.memberId, memberId), eq(memberDrafts.step, step)))
    .limit(1);
  return draft;
}

/**
 * Keeps what was typed on a step, if the step is still at `expectedRevision` (0: never saved):
 * the revision rises by one. A stale tab (another save came first) gets `stale` with the current
 * row and changes nothing.
 */
export async function saveMemberDraft(
  db: Executor,
  scope: TenantScope,
  memberId: string,
  step: OnboardingStep,
  data: Record<string, unknown>,
  expectedRevision: number,
): Promise<{ outcome: "saved"; draft: typeof memberDrafts.$inferSelect } | { outcome: "stale"; revision: number }> {
  ownMember(scope, memberId);
  if (expectedRevision === 0) {
    const [inserted] = await db
      .insert(memberDrafts)
      .values({ partnerId: scope.partnerId, memberId, step, data, revision: 1 })
      .onConflictDoNothing({ target: [memberDrafts.memberId, memberDrafts.step] })
      .returning();
    if (inserted) return { outcome: "saved", draft: inserted };
  } else {
    const [updated] = await db
      .update(memberDrafts)
      .set({ data, revision: sql`${memberDrafts.revision} + 1`, savedToWallexAt: null })
      .where(
        and(
          scopeWhere(memberDrafts, scope),
          eq(memberDrafts.memberId, memberId),
          eq(memberDrafts.step, step),
          eq(memberDrafts.revision, expectedRevision),
        ),
      )
      .returning();
    if (updated) return { outcome: "saved", draft: updated };
  }
  const current = await getMemberDraft(db, scope, memberId, step);
  return { outcome: "stale", revision: current?.revision ?? 0 };
}

/** Wallex accepted the step's data as of `revision` (a later save clears it again). */
export async function markDraftSavedToWallex(
  db: Executor,
  scope: TenantScope,
  memberId: string,
  step: OnboardingStep,
  revision: number,
) {
  const rows = await db
    .update(memberDrafts)
    .set({ savedToWallexAt: new Date() })
    .where(
      and(
        scopeWhere(memberDrafts, scope),
        eq(memberDrafts.memberId, memberId),
        eq(memberDrafts.step, step),
        eq(memberDrafts.revision, revision),
      ),
    )
    .returning({ id: memberDrafts.id });
  return rows.length === 1;
}

/** The member row as the wizard reads it (stage, missingFields, accountType…), `lock` to hold it. */
export async function getOnboardingMember(db: Executor, scope: TenantScope, memberId: string, { lock = false } = {}) {
  const query = db
    .select()
    .from(members)
    .where(and(scopeWhere(members, scope), eq(members.id, memberId)))
    .limit(1);
  const [member] = lock ? await query.for("update") : await query;
  return member;
}

export type OnboardingMemberPatch = Partial<{
  missingFields: string[];
  stage: MemberStage;
  wallexStatus: string | null;
  submittedAt: Date | null;
}>;

/**
 * Updates the member's onboarding columns, only while the stage is one of `fromStages` when given
 * (the submit's claim: of two submits, one moves the stage, the other finds it moved). The row, or
 * undefined when it was not in such a stage.
 */
export async function updateOnboardingMember(
  db: Executor,
  scope: TenantScope,
  memberId: string,
  patch: OnboardingMemberPatch,
  { fromStages }: { fromStages?: readonly MemberStage[] } = {},
) {
  const [row] = await db
    .update(members)
    .set({ ...patch, lastActivityAt: new Date() })
    .where(
      and(
        scopeWhere(members, scope),
        eq(members.id, memberId),
        fromStages ? inArray(members.stage, [...fromStages]) : undefined,
      ),
    )
    .returning();
  return row;
}
