import "server-only";
import { and, asc, desc, eq, getTableName, ilike, or, sql, type Table } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexTimeline, wallexUsers, webhookEvents, type MirrorTable } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/scope";
import { AppError, notFound } from "@/lib/errors";
import type { RecordFilters } from "@/lib/validations/records";
import { RESOURCE_KINDS, RESOURCES, type ResourceKind } from "@/lib/wallex/mirror/resources";

export const RECORDS_PAGE_SIZE = 50;

/**
 * The member's e-mail for a row that carries an account id (null for the partner's own). The outer
 * table is named in full: the inner one is wallex_users too when listing members.
 */
export const memberEmail = (table: Table) => {
  const outer = sql.identifier(getTableName(table));
  return sql<string | null>`(select m.reference from wallex_users m
    where m.partner_id = ${outer}.partner_id and m.account_id = ${outer}.account_id
    order by m.wallex_created_at limit 1)`;
};

export async function listMirrorRecords(db: Executor, scope: StaffScope, kind: ResourceKind, filters: RecordFilters) {
  const t: MirrorTable = RESOURCES[kind].table;
  const where = and(
    scopeWhere(t, scope),
    filters.status ? eq(t.status, filters.status) : undefined,
    filters.member ? eq(t.accountId, filters.member) : undefined,
    filters.q ? or(eq(t.wallexId, filters.q), ilike(t.reference, `%${filters.q.replace(/[%_\\]/g, "\\$&")}%`)) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: t.id, wallexId: t.wallexId, accountId: t.accountId, status: t.status, currency: t.currency, amount: t.amount,
        reference: t.reference, wallexCreatedAt: t.wallexCreatedAt, readAt: t.readAt, member: memberEmail(t),
      })
      .from(t)
      .where(where)
      .orderBy(sql`${t.wallexCreatedAt} desc nulls last`, desc(t.readAt))
      .limit(RECORDS_PAGE_SIZE)
      .offset((filters.page - 1) * RECORDS_PAGE_SIZE),
    db.select({ total: sql<number>`count(*)::int` }).from(t).where(where),
  ]);
  return { rows, total };
}

/** How many of each kind we hold, for the tabs. One round trip. */
export async function countMirrorRecords(db: Executor, scope: StaffScope): Promise<Record<ResourceKind, number>> {
  const parts = RESOURCE_KINDS.map(
    (kind) => sql`select ${kind}::text as kind, count(*)::int as n from ${RESOURCES[kind].table} where ${scopeWhere(RESOURCES[kind].table, scope)}`,
  );
  const result = await db.execute<{ kind: ResourceKind; n: number }>(sql.join(parts, sql` union all `));
  return Object.fromEntries(result.rows.map((r) => [r.kind, r.n])) as Record<ResourceKind, number>;
}

export async function listMirrorStatuses(db: Executor, scope: StaffScope, kind: ResourceKind) {
  const t: MirrorTable = RESOURCES[kind].table;
  const rows = await db.selectDistinct({ status: t.status }).from(t).where(scopeWhere(t, scope)).orderBy(asc(t.status));
  return rows.flatMap((r) => (r.status ? [r.status] : []));
}

/** Members to filter by: their account and e-mail. */
export async function listMemberAccounts(db: Executor, scope: StaffScope) {
  const rows = await db
    .selectDistinct({ accountId: wallexUsers.accountId, email: wallexUsers.reference })
    .from(wallexUsers)
    .where(and(scopeWhere(wallexUsers, scope), sql`${wallexUsers.accountId} is not null`))
    .orderBy(asc(wallexUsers.reference))
    .limit(500);
  return rows.map((r) => ({ value: r.accountId!, label: r.email ?? r.accountId! }));
}

export async function getMirrorRecord(db: Executor, scope: StaffScope, kind: ResourceKind, id: string) {
  const t: MirrorTable = RESOURCES[kind].table;
  const [row] = await db
    .select({ record: t, member: memberEmail(t) })
    .from(t)
    .where(and(scopeWhere(t, scope), eq(t.id, id)))
    .limit(1);
  if (!row) return undefined;
  const [timeline, events] = await Promise.all([
    db
      .select()
      .from(wallexTimeline)
      .where(and(scopeWhere(wallexTimeline, scope), eq(wallexTimeline.wallexId, row.record.wallexId)))
      .orderBy(desc(wallexTimeline.at))
      .limit(100),
    db
      .select()
      .from(webhookEvents)
      .where(and(scopeWhere(webhookEvents, scope), eq(webhookEvents.resourceId, row.record.wallexId)))
      .orderBy(desc(webhookEvents.receivedAt))
      .limit(50),
  ]);
  return { ...row.record, member: row.member, timeline, events };
}

/**
 * The Wallex account to act for, from our mirror of the member (by our row id): what every call
 * made on a member's behalf puts in onBehalfOfAccount. Never taken from the browser.
 */
export async function getMemberAccount(db: Executor, scope: StaffScope, memberId: string) {
  const [member] = await db
    .select({ accountId: wallexUsers.accountId, status: wallexUsers.status, email: wallexUsers.reference })
    .from(wallexUsers)
    .where(and(scopeWhere(wallexUsers, scope), eq(wallexUsers.id, memberId)))
    .limit(1);
  if (!member?.accountId) throw notFound("Member");
  if (member.status !== "approved") {
    throw new AppError("CONFLICT", { userMessage: `${member.email ?? "This member"} is not approved by Wallex yet, so Wallex will not act for them.` });
  }
  return member.accountId;
}
