import "server-only";
import { and, asc, eq, isNotNull, notInArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexTimeline, wallexUsers, type MirrorTable } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/** The columns a write to a mirror table sets; `partnerId` comes from the scope. */
export type MirrorValues = Omit<
  MirrorTable["$inferInsert"],
  "id" | "partnerId" | "previousStatus" | "changedAt" | "statusChangedAt"
>;

/** What we know of one mirrored object: when it was read, its status and its owner. */
export async function getMirrorObjectState(db: Executor, scope: TenantScope, table: MirrorTable, wallexId: string) {
  const [row] = await db
    .select({ readAt: table.readAt, status: table.status, accountId: table.accountId, parentId: table.parentId })
    .from(table)
    .where(and(scopeWhere(table, scope), eq(table.wallexId, wallexId)))
    .limit(1);
  return row;
}

/**
 * Writes an object into its mirror table in one statement: inserted if new, updated only when
 * this read started after the one already stored. Undefined when a newer read had been applied.
 */
export async function upsertMirrorObject(db: Executor, scope: TenantScope, t: MirrorTable, values: MirrorValues) {
  const [row] = await db
    .insert(t)
    .values({ ...values, partnerId: scope.partnerId })
    .onConflictDoUpdate({
      target: [t.partnerId, t.wallexId],
      set: {
        // A write-through or webhook may know the owner when a listing does not say it.
        accountId: sql`coalesce(excluded.account_id, ${t.accountId})`,
        parentId: sql`coalesce(excluded.parent_id, ${t.parentId})`,
        status: sql`excluded.status`,
        previousStatus: sql`case when ${t.status} is distinct from excluded.status then ${t.status} else ${t.previousStatus} end`,
        currency: sql`excluded.currency`,
        amount: sql`excluded.amount`,
        reference: sql`coalesce(excluded.reference, ${t.reference})`,
        data: sql`excluded.data`,
        wallexCreatedAt: sql`coalesce(excluded.wallex_created_at, ${t.wallexCreatedAt})`,
        readAt: sql`excluded.read_at`,
        changedAt: sql`case when ${t.data} is distinct from excluded.data then now() else ${t.changedAt} end`,
        statusChangedAt: sql`case when ${t.status} is distinct from excluded.status then now() else ${t.statusChangedAt} end`,
      },
      // The scope again: a conflicting row is the partner's own by the unique key, said out loud.
      setWhere: and(sql`${t.readAt} <= excluded.read_at`, scopeWhere(t, scope)),
    })
    .returning({
      rowId: t.id,
      status: t.status,
      previousStatus: t.previousStatus,
      accountId: t.accountId,
      changed: sql<boolean>`${t.changedAt} = now()`,
      statusChanged: sql<boolean>`${t.statusChangedAt} = now()`,
    });
  return row;
}

/** One status an object went through, and what told us. */
export async function appendTimelineEntry(
  db: Executor,
  scope: TenantScope,
  entry: Omit<typeof wallexTimeline.$inferInsert, "id" | "partnerId" | "at">,
) {
  await db.insert(wallexTimeline).values({ ...entry, partnerId: scope.partnerId });
}

/** Objects Wallex may still change (a status not in `finalStatuses`), the longest unread first. */
export async function listOpenMirrorObjects(
  db: Executor,
  scope: TenantScope,
  table: MirrorTable,
  finalStatuses: readonly string[],
  limit: number,
) {
  return db
    .select({ wallexId: table.wallexId, accountId: table.accountId, parentId: table.parentId })
    .from(table)
    .where(and(scopeWhere(table, scope), isNotNull(table.status), notInArray(table.status, [...finalStatuses])))
    .orderBy(asc(table.readAt))
    .limit(limit);
}

/** The account ids of the partner's approved members. */
export async function listApprovedMemberAccountIds(db: Executor, scope: TenantScope) {
  const rows = await db
    .selectDistinct({ accountId: wallexUsers.accountId })
    .from(wallexUsers)
    .where(and(scopeWhere(wallexUsers, scope), eq(wallexUsers.status, "approved"), isNotNull(wallexUsers.accountId)));
  return rows.map((r) => r.accountId!);
}

/** The Wallex ids of all the partner's members (users), whatever their status. */
export async function listMemberWallexIds(db: Executor, scope: TenantScope) {
  const rows = await db
    .select({ wallexId: wallexUsers.wallexId })
    .from(wallexUsers)
    .where(scopeWhere(wallexUsers, scope));
  return rows.map((r) => r.wallexId);
}
