import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  memberComments,
  members,
  partners,
  wallexIntents,
  wallexUsers,
  webhookEvents,
  type Member,
  type MemberSignupKind,
} from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";
import { notFound } from "@/lib/errors";

/** The partner's member onboarding settings (Settings → Member onboarding). */
export type MemberOnboardingSettings = { memberReviewRequired: boolean; memberSignupKinds: MemberSignupKind[] };

export async function getMemberOnboardingSettings(db: Executor, scope: TenantScope): Promise<MemberOnboardingSettings> {
  const [row] = await db
    .select({ memberReviewRequired: partners.memberReviewRequired, memberSignupKinds: partners.memberSignupKinds })
    .from(partners)
    .where(eq(partners.id, scope.partnerId));
  if (!row) throw notFound("Partner");
  return { ...row, memberSignupKinds: row.memberSignupKinds as MemberSignupKind[] };
}

export async function updateMemberOnboardingSettings(
  db: Executor,
  scope: TenantScope,
  settings: MemberOnboardingSettings,
) {
  const updated = await db
    .update(partners)
    .set(settings)
    .where(eq(partners.id, scope.partnerId))
    .returning({ id: partners.id });
  return updated.length > 0;
}

export async function getMemberOrThrow(db: Executor, scope: TenantScope, memberId: string, { lock = false } = {}) {
  const query = db
    .select()
    .from(members)
    .where(and(scopeWhere(members, scope), eq(members.id, memberId)))
    .limit(1);
  const [member] = lock ? await query.for("update") : await query;
  if (!member) throw notFound("Member");
  return member;
}

export async function findMemberByEmail(db: Executor, scope: TenantScope, email: string) {
  const [member] = await db
    .select()
    .from(members)
    .where(and(scopeWhere(members, scope), sql`lower(${members.email}) = ${email.toLowerCase()}`))
    .limit(1);
  return member;
}

export type NewMemberRow = Pick<
  Member,
  "accountType" | "signupKind" | "email" | "firstName" | "lastName" | "companyName" | "countryCode" | "locale"
> & { createdByMembershipId: string | null };

export type SignupClaim =
  | { outcome: "claimed"; member: Member; created: boolean; request: Record<string, unknown> }
  | { outcome: "email_taken" }
  | { outcome: "key_reused" };

/**
 * Ties one signup form (its idempotency key) to one member row, in one transaction: the signup
 * intent is recorded first (a concurrent submit of the same key waits on it), then the member is
 * the one the intent names, or a new row if there is none (yet, or any more after Wallex refused
 * the first attempt). A new row whose email another member of the partner has is refused.
 */
export async function claimSignupMember(
  db: Executor,
  scope: TenantScope,
  args: { idempotencyKey: string; member: NewMemberRow; signup: Record<string, unknown> },
): Promise<SignupClaim> {
  const candidateId = crypto.randomUUID();
  const request = { ...args.signup, memberId: candidateId };
  try {
    return await db.transaction(async (tx) => {
      await tx
        .insert(wallexIntents)
        .values({
          partnerId: scope.partnerId,
          idempotencyKey: args.idempotencyKey,
          kind: "user",
          operation: "signup",
          accountId: null,
          request,
        })
        .onConflictDoNothing();
      const [intent] = await tx
        .select()
        .from(wallexIntents)
        .where(and(scopeWhere(wallexIntents, scope), eq(wallexIntents.idempotencyKey, args.idempotencyKey)))
        .for("update");
      if (!intent || intent.kind !== "user" || intent.operation !== "signup") return { outcome: "key_reused" as const };
      const namedId = typeof intent.request.memberId === "string" ? intent.request.memberId : null;
      if (namedId) {
        const [named] = await tx
          .select()
          .from(members)
          .where(and(scopeWhere(members, scope), eq(members.id, namedId)));
        if (named) return { outcome: "claimed" as const, member: named, created: false, request: intent.request };
      }
      // Rolls the intent back too: nothing is left to send for an email another member has.
      if (await findMemberByEmail(tx, scope, args.member.email)) throw new EmailTaken();
      const [member] = await tx
        .insert(members)
        .values({ ...args.member, id: candidateId, partnerId: scope.partnerId, stage: "invited" })
        .returning();
      if (intent.request.memberId !== candidateId) {
        await tx
          .update(wallexIntents)
          .set({ request, updatedAt: new Date() })
          .where(and(scopeWhere(wallexIntents, scope), eq(wallexIntents.id, intent.id)));
      }
      return { outcome: "claimed" as const, member, created: true, request };
    });
  } catch (error) {
    // Two forms for one email at once: the unique index decides.
    if (error instanceof EmailTaken || isUniqueViolation(error, "members_partner_email"))
      return { outcome: "email_taken" };
    throw error;
  }
}

class EmailTaken extends Error {}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string; message?: string };
    if (pg.code === "23505" && (pg.constraint === constraint || pg.message?.includes(constraint))) return true;
  }
  return false;
}

/** Wallex refused the signup: the member it was for never existed there, and goes (only while unsigned). */
export async function deleteUnsignedMember(db: Executor, scope: TenantScope, memberId: string) {
  const deleted = await db
    .delete(members)
    .where(and(scopeWhere(members, scope), eq(members.id, memberId), isNull(members.wallexUserId)))
    .returning({ id: members.id });
  return deleted.length > 0;
}

/**
 * Names the Wallex user the signup created, with its account and status as the mirror has them.
 * `linkedNow` is false when it was named already (a repeated submit, or the mirror's write-through).
 */
export async function linkMemberToWallexUser(db: Executor, scope: TenantScope, memberId: string, wallexUserId: string) {
  const [user] = await db
    .select({ accountId: wallexUsers.accountId, status: wallexUsers.status })
    .from(wallexUsers)
    .where(and(scopeWhere(wallexUsers, scope), eq(wallexUsers.wallexId, wallexUserId)));
  const [linked] = await db
    .update(members)
    .set({
      wallexUserId,
      wallexAccountId: user?.accountId ?? null,
      wallexStatus: user?.status ?? null,
    })
    .where(and(scopeWhere(members, scope), eq(members.id, memberId), isNull(members.wallexUserId)))
    .returning();
  if (linked) return { member: linked, linkedNow: true };
  const [member] = await db
    .select()
    .from(members)
    .where(and(scopeWhere(members, scope), eq(members.id, memberId), eq(members.wallexUserId, wallexUserId)));
  return member ? { member, linkedNow: false } : undefined;
}

/**
 * The member a mirrored Wallex user belongs to: by its Wallex id, or (a signup whose answer was
 * lost and that reconcile found) the unsigned member with its email, which it then names.
 */
export async function findMemberForWallexUser(
  db: Executor,
  scope: TenantScope,
  user: { wallexUserId: string; email: string | null; accountId: string | null },
) {
  const [byId] = await db
    .select()
    .from(members)
    .where(and(scopeWhere(members, scope), eq(members.wallexUserId, user.wallexUserId)))
    .limit(1);
  if (byId || !user.email) return byId;
  const [linked] = await db
    .update(members)
    .set({ wallexUserId: user.wallexUserId, wallexAccountId: user.accountId })
    .where(
      and(
        scopeWhere(members, scope),
        isNull(members.wallexUserId),
        sql`lower(${members.email}) = ${user.email.toLowerCase()}`,
      ),
    )
    .returning();
  return linked;
}

/** Wallex's view of the member changed: its status, reason, and (resubmission) our stage. */
export async function applyWallexStatusToMember(
  db: Executor,
  scope: TenantScope,
  memberId: string,
  change: { wallexStatus: string | null; wallexReason: string | null; stage?: Member["stage"]; at: Date },
) {
  const [member] = await db
    .update(members)
    .set({
      wallexStatus: change.wallexStatus,
      wallexReason: change.wallexReason,
      lastActivityAt: change.at,
      ...(change.stage ? { stage: change.stage } : {}),
    })
    .where(and(scopeWhere(members, scope), eq(members.id, memberId)))
    .returning();
  return member;
}

export async function insertMemberComment(
  db: Executor,
  scope: TenantScope,
  comment: Pick<typeof memberComments.$inferInsert, "memberId" | "source" | "body" | "memberVisible" | "field">,
) {
  const [row] = await db
    .insert(memberComments)
    .values({ ...comment, partnerId: scope.partnerId })
    .returning();
  return row;
}

export async function listMemberComments(db: Executor, scope: TenantScope, memberId: string) {
  return db
    .select()
    .from(memberComments)
    .where(and(scopeWhere(memberComments, scope), eq(memberComments.memberId, memberId)))
    .orderBy(desc(memberComments.createdAt));
}

/** The `reason` of the newest notification that announced this status of the user (webhooks.md, users.md §9.2). */
export async function findNotifiedUserReason(db: Executor, scope: TenantScope, wallexUserId: string, status: string) {
  const [event] = await db
    .select({ reason: sql<string | null>`${webhookEvents.payload} ->> 'reason'` })
    .from(webhookEvents)
    .where(
      and(
        scopeWhere(webhookEvents, scope),
        eq(webhookEvents.resource, "user"),
        eq(webhookEvents.resourceId, wallexUserId),
        eq(webhookEvents.status, status),
      ),
    )
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(1);
  return event?.reason ?? null;
}
