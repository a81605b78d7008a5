import "server-only";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  auditEvents,
  memberDrafts,
  members,
  memberSearchText,
  wallexDocuments,
  wallexTimeline,
  type MemberStage,
} from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";
import { escapeLike } from "@/lib/data/like";
import { isOurStage, WALLEX_CLOSING_STATUSES } from "@/lib/members/kyc-status";
import { RESOURCES, type ResourceKind } from "@/lib/records/mirror-tables";
import { isUuid } from "@/lib/validations/search-params";
import {
  encodeCursor,
  sortOf,
  type MemberCursor,
  type MemberFilters,
  type MemberListQuery,
  type MemberSort,
  type SortDirection,
} from "@/lib/validations/member-list";

export const MEMBERS_PAGE_SIZE = 50;
const CSV_BATCH = 1000;

/** What lists and pages show of a member: never the sign-in secrets. */
const memberColumns = {
  id: members.id,
  wallexUserId: members.wallexUserId,
  wallexAccountId: members.wallexAccountId,
  accountType: members.accountType,
  signupKind: members.signupKind,
  email: members.email,
  firstName: members.firstName,
  lastName: members.lastName,
  companyName: members.companyName,
  countryCode: members.countryCode,
  locale: members.locale,
  stage: members.stage,
  wallexStatus: members.wallexStatus,
  wallexReason: members.wallexReason,
  missingFields: members.missingFields,
  submittedAt: members.submittedAt,
  lastActivityAt: members.lastActivityAt,
  createdAt: members.createdAt,
};

/** Wallex's status as the list compares it: lower-cased, the older spelling mapped (README D12). */
const wallexStatusIn = (statuses: readonly string[]) => {
  const spelled = statuses.includes("document_needs_resubmission")
    ? [...statuses, "documents_need_resubmission"]
    : statuses;
  return sql`lower(btrim(coalesce(${members.wallexStatus}, ''))) in (${sql.join(
    spelled.map((s) => sql`${s}`),
    sql`, `,
  )})`;
};
const closing = () => wallexStatusIn(WALLEX_CLOSING_STATUSES);

/**
 * Members whose KYC status (lib/members/kyc-status.ts `kycStatusOf`: our stage until the member is
 * at Wallex screening, then Wallex's status; Wallex's closing statuses win at any stage) is
 * `status`, written as plain conditions on the two columns so that each row costs little.
 */
function kycStatusIs(status: string) {
  if ((WALLEX_CLOSING_STATUSES as readonly string[]).includes(status)) return closing();
  if (status === "submitted") {
    return and(eq(members.stage, "submitted"), or(sql`${members.wallexStatus} is null`, wallexStatusIn(["", "draft"])));
  }
  if (isOurStage(status)) return and(eq(members.stage, status as MemberStage), sql`not ${closing()}`);
  if (status === "draft") return sql`false`;
  return and(eq(members.stage, "submitted"), wallexStatusIn([status]));
}

/** The name the list shows and sorts by, lower-cased: the company's for companies, else the person's. */
export const memberSortNameSql = sql<string>`lower(case
  when ${members.accountType} = 'company' and nullif(btrim(${members.companyName}), '') is not null
    then btrim(${members.companyName})
  else ${members.firstName} || ' ' || ${members.lastName} end)`;

/** An invitation unanswered this long asks for a nudge (or a resend). */
export const INVITATION_NUDGE_HOURS = 72;

/**
 * "Needs action": someone at the partner must act. Changes were requested (by a reviewer, or Wallex
 * asked for documents again), or the member was invited more than 72 hours ago and has still not
 * accepted (no password yet: acceptance sets it). From the members row alone, like the rest of the list.
 */
const needsActionWhere = () =>
  or(
    eq(members.stage, "changes_requested"),
    wallexStatusIn(["document_needs_resubmission"]),
    and(
      eq(members.stage, "invited"),
      sql`${members.passwordHash} is null`,
      sql`${members.createdAt} < now() - make_interval(hours => ${INVITATION_NUDGE_HOURS})`,
    ),
  );

/** What a search looks in (db/schema/members.ts): one LIKE a row, served by the trigram index on the same text. */
const searchHaystack = memberSearchText(members);

function filtersWhere(scope: TenantScope, filters: MemberFilters) {
  const pattern = filters.q ? `%${escapeLike(filters.q.toLowerCase())}%` : undefined;
  return and(
    scopeWhere(members, scope),
    pattern ? sql`${searchHaystack} like ${pattern}` : undefined,
    filters.status ? kycStatusIs(filters.status.toLowerCase()) : undefined,
    filters.type ? eq(members.accountType, filters.type) : undefined,
    filters.country ? eq(members.countryCode, filters.country) : undefined,
    filters.action === "needed" ? needsActionWhere() : undefined,
  );
}

/** The sort's column, and its value as the cursor keeps it (timestamps to the microsecond, in UTC). */
function sortKey(sort: MemberSort): { expr: SQL; asText: SQL<string>; fromText: (v: string) => SQL } {
  if (sort === "name") return { expr: memberSortNameSql, asText: memberSortNameSql, fromText: (v) => sql`${v}` };
  const column = sort === "created" ? members.createdAt : members.lastActivityAt;
  return {
    expr: sql`${column}`,
    asText: sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    fromText: (v) => sql`${v}::timestamptz`,
  };
}

/**
 * Rows strictly beyond the cursor in the order `dir`; written as `key <= v and (key < v or id < x)`
 * (not a row comparison) so that PostgreSQL reads the (partner, key) index from the cursor on.
 */
function beyond(sort: MemberSort, dir: SortDirection, cursor: MemberCursor) {
  const { expr, fromText } = sortKey(sort);
  const value = fromText(cursor.value);
  return dir === "desc"
    ? sql`(${expr} <= ${value} and (${expr} < ${value} or ${members.id} < ${cursor.id}))`
    : sql`(${expr} >= ${value} and (${expr} > ${value} or ${members.id} > ${cursor.id}))`;
}

const ordered = (sort: MemberSort, dir: SortDirection) => {
  const { expr } = sortKey(sort);
  return dir === "desc" ? [sql`${expr} desc`, desc(members.id)] : [sql`${expr} asc`, asc(members.id)];
};

const flip = (dir: SortDirection): SortDirection => (dir === "desc" ? "asc" : "desc");

async function selectPage(
  db: Executor,
  scope: TenantScope,
  filters: MemberFilters,
  sort: MemberSort,
  dir: SortDirection,
  cursor: MemberCursor | undefined,
  limit: number,
) {
  const { asText } = sortKey(sort);
  return db
    .select({ ...memberColumns, sortValue: asText })
    .from(members)
    .where(and(filtersWhere(scope, filters), cursor ? beyond(sort, dir, cursor) : undefined))
    .orderBy(...ordered(sort, dir))
    .limit(limit);
}

export type MemberListRow = Awaited<ReturnType<typeof selectPage>>[number];

/**
 * One page of the partner's members, keyset-paginated: `after` continues past a row, `before` goes
 * back from one; a cursor cut in another sort is ignored (the first page). Cost does not grow with
 * depth: a page far down reads from the index at the cursor, never skipping rows one by one.
 */
export async function listMembers(db: Executor, scope: TenantScope, query: MemberListQuery, limit = MEMBERS_PAGE_SIZE) {
  const { sort, dir } = sortOf(query);
  const fits = (c: MemberCursor | undefined) => (c && c.sort === sort && c.dir === dir ? c : undefined);
  const after = fits(query.after);
  const before = after ? undefined : fits(query.before);
  const backwards = !!before;
  const fetched = await selectPage(db, scope, query, sort, backwards ? flip(dir) : dir, before ?? after, limit + 1);
  const more = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (backwards) rows.reverse();
  const cursorOf = (row: MemberListRow) => encodeCursor({ sort, dir, value: row.sortValue, id: row.id });
  const hasNext = backwards ? true : more;
  const hasPrevious = backwards ? more : !!after;
  return {
    rows,
    sort,
    dir,
    next: hasNext && rows.length > 0 ? cursorOf(rows[rows.length - 1]) : undefined,
    previous: hasPrevious && rows.length > 0 ? cursorOf(rows[0]) : undefined,
  };
}

/** The list says "10,000+" beyond this: an exact count of a large partner costs a scan of every row per page view. */
export const MEMBER_COUNT_CAP = 10_000;

/** How many members match, counted up to `upTo` + 1 when given (more than `upTo` reads as "upTo+"). */
export async function countMembers(db: Executor, scope: TenantScope, filters: MemberFilters, upTo?: number) {
  const matching = db
    .select({ one: sql`1` })
    .from(members)
    .where(filtersWhere(scope, filters));
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from((upTo === undefined ? matching : matching.limit(upTo + 1)).as("matching"));
  return total;
}

/** Every member matching the filters, in the list's order, a batch at a time: what the CSV export streams. */
export async function* iterateMembers(
  db: Executor,
  scope: TenantScope,
  query: Pick<MemberListQuery, keyof MemberFilters | "sort" | "dir">,
) {
  const { sort, dir } = sortOf(query);
  let cursor: MemberCursor | undefined;
  for (;;) {
    const batch = await selectPage(db, scope, query, sort, dir, cursor, CSV_BATCH);
    yield* batch;
    if (batch.length < CSV_BATCH) return;
    const last = batch[batch.length - 1];
    cursor = { sort, dir, value: last.sortValue, id: last.id };
  }
}

/** One member of the scope's partner by our id; null for an unknown id or another partner's. */
export async function getMember(db: Executor, scope: TenantScope, memberId: string) {
  if (!isUuid(memberId)) return null;
  const [member] = await db
    .select(memberColumns)
    .from(members)
    .where(and(scopeWhere(members, scope), eq(members.id, memberId)))
    .limit(1);
  return member ?? null;
}

export type MemberView = NonNullable<Awaited<ReturnType<typeof getMember>>>;
type MemberKeys = Pick<MemberView, "id" | "wallexUserId" | "wallexAccountId">;

/** What the member (or staff for them) typed and saved, per wizard step. */
export async function getMemberDrafts(db: Executor, scope: TenantScope, memberId: string) {
  if (!isUuid(memberId)) return [];
  return db
    .select({
      step: memberDrafts.step,
      data: memberDrafts.data,
      revision: memberDrafts.revision,
      savedToWallexAt: memberDrafts.savedToWallexAt,
      updatedAt: memberDrafts.updatedAt,
    })
    .from(memberDrafts)
    .where(and(scopeWhere(memberDrafts, scope), eq(memberDrafts.memberId, memberId)));
}

/** The mirror's documents of the member's Wallex user, newest first. */
export async function listMemberDocuments(db: Executor, scope: TenantScope, member: MemberKeys) {
  if (!member.wallexUserId) return [];
  return db
    .select({
      id: wallexDocuments.id,
      wallexId: wallexDocuments.wallexId,
      status: wallexDocuments.status,
      documentType: wallexDocuments.reference,
      data: wallexDocuments.data,
      wallexCreatedAt: wallexDocuments.wallexCreatedAt,
      readAt: wallexDocuments.readAt,
    })
    .from(wallexDocuments)
    .where(and(scopeWhere(wallexDocuments, scope), eq(wallexDocuments.parentId, member.wallexUserId)))
    .orderBy(sql`${wallexDocuments.wallexCreatedAt} desc nulls last`, desc(wallexDocuments.readAt))
    .limit(200);
}

const TIMELINE_LIMIT = 200;

export type MemberTimelineEntry =
  | {
      source: "audit";
      id: string;
      at: Date;
      action: string;
      actorEmail: string | null;
      before: unknown;
      after: unknown;
    }
  | {
      source: "wallex";
      id: string;
      at: Date;
      status: string | null;
      previousStatus: string | null;
      via: "write" | "webhook" | "reconcile";
    };

/**
 * One list, oldest first: our audit entries about the member (made for them, or on their row) and
 * the status changes of their Wallex user in the mirror. The latest 200 of each.
 */
export async function listMemberTimeline(db: Executor, scope: TenantScope, member: MemberKeys) {
  const [audit, statuses] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.createdAt,
        action: auditEvents.action,
        actorEmail: auditEvents.actorEmail,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .where(
        and(
          scopeWhere(auditEvents, scope),
          or(
            eq(auditEvents.memberId, member.id),
            and(inArray(auditEvents.targetType, ["member", "members"]), eq(auditEvents.targetId, member.id)),
          ),
        ),
      )
      .orderBy(desc(auditEvents.seq))
      .limit(TIMELINE_LIMIT),
    member.wallexUserId
      ? db
          .select({
            id: wallexTimeline.id,
            at: wallexTimeline.at,
            status: wallexTimeline.status,
            previousStatus: wallexTimeline.previousStatus,
            via: wallexTimeline.source,
          })
          .from(wallexTimeline)
          .where(
            and(
              scopeWhere(wallexTimeline, scope),
              eq(wallexTimeline.kind, "user"),
              eq(wallexTimeline.wallexId, member.wallexUserId),
            ),
          )
          .orderBy(desc(wallexTimeline.at))
          .limit(TIMELINE_LIMIT)
      : [],
  ]);
  const entries: MemberTimelineEntry[] = [
    ...audit.map((row) => ({ source: "audit" as const, ...row })),
    ...statuses.map((row) => ({ source: "wallex" as const, ...row })),
  ];
  return entries.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.source === b.source ? 0 : a.source === "audit" ? -1 : 1),
  );
}

/** The mirror's kinds that move the member's money, for the activity tab. */
export const MONEY_KINDS = [
  "payment",
  "conversion",
  "collection",
  "collectionRequest",
  "funding",
  "deduction",
  "transfer",
] as const satisfies readonly ResourceKind[];

export type MemberActivityRow = {
  kind: (typeof MONEY_KINDS)[number];
  id: string;
  wallexId: string;
  status: string | null;
  currency: string | null;
  amount: string | null;
  reference: string | null;
  at: Date;
};

/** The member's money records in the mirror (their Wallex account's), newest first; one round trip. */
export async function listMemberActivity(db: Executor, scope: TenantScope, member: MemberKeys, limit = 100) {
  if (!member.wallexAccountId) return [];
  const parts = MONEY_KINDS.map((kind) => {
    const t = RESOURCES[kind].table;
    return sql`(select ${kind}::text as kind, id, wallex_id, status, currency, amount::text as amount, reference,
        coalesce(wallex_created_at, read_at) as at
      from ${t} where ${scopeWhere(t, scope)} and account_id = ${member.wallexAccountId}
      order by coalesce(wallex_created_at, read_at) desc limit ${limit})`;
  });
  const result = await db.execute<{
    kind: MemberActivityRow["kind"];
    id: string;
    wallex_id: string;
    status: string | null;
    currency: string | null;
    amount: string | null;
    reference: string | null;
    at: Date | string;
  }>(sql`${sql.join(parts, sql` union all `)} order by at desc limit ${limit}`);
  return result.rows.map((r): MemberActivityRow => ({
    kind: r.kind,
    id: r.id,
    wallexId: r.wallex_id,
    status: r.status,
    currency: r.currency,
    amount: r.amount,
    reference: r.reference,
    at: new Date(r.at),
  }));
}
