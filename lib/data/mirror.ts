import "server-only";
import { and, asc, desc, eq, getTableName, ilike, or, sql, type Table } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexTimeline, wallexUsers, webhookEvents, type MirrorTable } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/tenant-scope";
import { AppError, notFound } from "@/lib/errors";
import type { RecordFilters } from "@/lib/validations/records";
import { isUuid } from "@/lib/validations/search-params";
import { hasUnsupportedCharacters } from "@/lib/validations/text";
import { RESOURCE_KINDS, RESOURCES, type ResourceKind } from "@/lib/records/mirror-tables";

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

/**
 * Fields of the raw object a search also looks in, besides the Wallex id and our reference: the
 * reference the person typed on a payment is theirs (`paymentReference`), ours is `referenceId`.
 */
const SEARCHED_FIELDS: Partial<Record<ResourceKind, readonly string[]>> = { payment: ["paymentReference"] };

function searchWhere(kind: ResourceKind, t: MirrorTable, q: string) {
  const pattern = `%${q.replace(/[%_\\]/g, "\\$&")}%`;
  const fields = (SEARCHED_FIELDS[kind] ?? []).map((name) => sql`${t.data} ->> ${name} ilike ${pattern}`);
  return or(eq(t.wallexId, q), ilike(t.reference, pattern), ...fields);
}

export async function listMirrorRecords(db: Executor, scope: StaffScope, kind: ResourceKind, filters: RecordFilters) {
  const t: MirrorTable = RESOURCES[kind].table;
  const where = and(
    scopeWhere(t, scope),
    filters.status ? eq(t.status, filters.status) : undefined,
    filters.member ? eq(t.accountId, filters.member) : undefined,
    filters.q ? searchWhere(kind, t, filters.q) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: t.id,
        wallexId: t.wallexId,
        accountId: t.accountId,
        status: t.status,
        currency: t.currency,
        amount: t.amount,
        reference: t.reference,
        wallexCreatedAt: t.wallexCreatedAt,
        readAt: t.readAt,
        member: memberEmail(t),
        data: t.data,
      })
      .from(t)
      .where(where)
      // The id last: rows read in one batch share their times, and pages must not repeat or skip them.
      .orderBy(sql`${t.wallexCreatedAt} desc nulls last`, desc(t.readAt), desc(t.id))
      .limit(RECORDS_PAGE_SIZE)
      .offset((filters.page - 1) * RECORDS_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(t)
      .where(where),
  ]);
  return { rows, total };
}

/** How many of each kind we hold, for the tabs. One round trip. */
export async function countMirrorRecords(db: Executor, scope: StaffScope): Promise<Record<ResourceKind, number>> {
  const parts = RESOURCE_KINDS.map(
    (kind) =>
      sql`select ${kind}::text as kind, count(*)::int as n from ${RESOURCES[kind].table} where ${scopeWhere(RESOURCES[kind].table, scope)}`,
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

/** A record URL names the Wallex id; anything we could not store is no Wallex id (and never reaches SQL). */
const isWallexId = (value: string) => value.length > 0 && value.length <= 200 && !hasUnsupportedCharacters(value);

/** One mirrored object by our row id (the refresh action's handle), within the partner; null if not theirs. */
export async function getMirrorRow(db: Executor, scope: StaffScope, kind: ResourceKind, rowId: string) {
  if (!isUuid(rowId)) return null;
  const t: MirrorTable = RESOURCES[kind].table;
  const [row] = await db
    .select()
    .from(t)
    .where(and(scopeWhere(t, scope), eq(t.id, rowId)))
    .limit(1);
  return row ?? null;
}

/** One mirrored object by its Wallex id, with its timeline and notifications; null unless the partner holds it. */
export async function getMirrorRecord(db: Executor, scope: StaffScope, kind: ResourceKind, wallexId: string) {
  if (!isWallexId(wallexId)) return null;
  const t: MirrorTable = RESOURCES[kind].table;
  const [row] = await db
    .select({ record: t, member: memberEmail(t) })
    .from(t)
    .where(and(scopeWhere(t, scope), eq(t.wallexId, wallexId)))
    .limit(1);
  if (!row) return null;
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
    throw new AppError("CONFLICT", {
      userMessage: `${member.email ?? "This member"} is not approved by Wallex yet, so Wallex will not act for them.`,
    });
  }
  return member.accountId;
}
