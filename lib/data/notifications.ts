import "server-only";
import { and, desc, eq, ne, notInArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { notificationReads, wallexTimeline } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/tenant-scope";
import type { NotificationFilters } from "@/lib/validations/notifications";
import { kindFromSlug, RESOURCE_KINDS, RESOURCES, type ResourceKind } from "@/lib/records/mirror-tables";

export const MENU_SIZE = 8;
export const NOTIFICATIONS_PAGE_SIZE = 50;
/** The badge stops counting here ("99+"): nobody reads an exact four-digit backlog. */
export const UNREAD_CAP = 99;

/**
 * Ledger rows, not events: a balance moves and a history entry appears with every payment, funding
 * and deduction, so in the menu they would bury the status changes people act on. They stay on the
 * "See all" page behind its filter.
 */
export const LEDGER_KINDS = ["balance", "balanceHistory"] as const satisfies readonly ResourceKind[];

/** Notifications are the status changes Wallex told us about (webhooks, reconcile), not those our own requests wrote. */
const fromWallex = (scope: StaffScope) => and(scopeWhere(wallexTimeline, scope), ne(wallexTimeline.source, "write"));
const withoutLedger = notInArray(wallexTimeline.kind, [...LEDGER_KINDS]);

/** Our mirror row for the timeline entry's object (null if we hold none), through each table's (partner, Wallex id) index. */
const recordId = sql<string | null>`case ${wallexTimeline.kind} ${sql.join(
  RESOURCE_KINDS.map(
    (kind) =>
      sql`when ${kind} then (select r.id from ${RESOURCES[kind].table} r where r.partner_id = ${wallexTimeline.partnerId} and r.wallex_id = ${wallexTimeline.wallexId})`,
  ),
  sql` `,
)} end`;

/** This person's marker for this partner, as a subquery: counts and flags need no second round trip. */
const readUpTo = (scope: StaffScope) =>
  sql`(select ${notificationReads.readUpTo} from ${notificationReads}
    where ${and(scopeWhere(notificationReads, scope), eq(notificationReads.userId, scope.user.id))})`;
const isUnread = (scope: StaffScope) =>
  sql<boolean>`${wallexTimeline.at} > coalesce(${readUpTo(scope)}, '-infinity'::timestamptz)`;

export type Notification = {
  id: string;
  kind: ResourceKind;
  wallexId: string;
  status: string | null;
  previousStatus: string | null;
  at: Date;
  recordId: string | null;
  unread: boolean;
};

const fields = (scope: StaffScope) => ({
  id: wallexTimeline.id,
  kind: wallexTimeline.kind,
  wallexId: wallexTimeline.wallexId,
  status: wallexTimeline.status,
  previousStatus: wallexTimeline.previousStatus,
  at: wallexTimeline.at,
  recordId,
  unread: isUnread(scope),
});
const newestFirst = [desc(wallexTimeline.at), desc(wallexTimeline.id)];

function list(db: Executor, scope: StaffScope, where: SQL | undefined, limit: number, offset = 0) {
  return db
    .select(fields(scope))
    .from(wallexTimeline)
    .where(where)
    .orderBy(...newestFirst)
    .limit(limit)
    .offset(offset) as Promise<Notification[]>;
}

/**
 * What the bell shows on every staff page: the newest few (no ledger rows) and how many of those
 * kinds this person has not read, up to UNREAD_CAP + 1, in one round trip (the count rides on each
 * row; with no rows there is nothing unread either).
 */
export async function getNotificationsMenu(db: Executor, scope: StaffScope) {
  const where = and(fromWallex(scope), withoutLedger);
  const unreadRows = db
    .select({ one: sql`1` })
    .from(wallexTimeline)
    .where(and(where, isUnread(scope)))
    .limit(UNREAD_CAP + 1);
  const rows = await db
    .select({ ...fields(scope), unreadCount: sql<number>`(select count(*)::int from (${unreadRows}) as unread)` })
    .from(wallexTimeline)
    .where(where)
    .orderBy(...newestFirst)
    .limit(MENU_SIZE);
  const items: Notification[] = rows.map(({ unreadCount: _, ...item }) => item as Notification);
  return { items, unread: rows[0]?.unreadCount ?? 0 };
}

/** The "See all" page: every status change Wallex told us about, newest first; ledger rows only when asked for (or a ledger kind is). */
export async function listNotifications(db: Executor, scope: StaffScope, filters: NotificationFilters) {
  const kind = filters.kind ? kindFromSlug(filters.kind) : undefined;
  const where = and(
    fromWallex(scope),
    kind ? eq(wallexTimeline.kind, kind) : filters.ledger ? undefined : withoutLedger,
  );
  const [rows, [{ total }]] = await Promise.all([
    list(db, scope, where, NOTIFICATIONS_PAGE_SIZE, (filters.page - 1) * NOTIFICATIONS_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(wallexTimeline)
      .where(where),
  ]);
  return { rows, total };
}

/**
 * Moves this person's marker to `upTo`, the newest item their screen showed: what arrived after
 * that stays unread. The marker never moves back (an older tab marking late) nor past now (the
 * time comes from the browser).
 */
export async function markNotificationsRead(db: Executor, scope: StaffScope, upTo: Date) {
  const at = sql`least(${upTo.toISOString()}::timestamptz, now())`;
  await db
    .insert(notificationReads)
    .values({ partnerId: scope.partnerId, userId: scope.user.id, readUpTo: at })
    .onConflictDoUpdate({
      target: [notificationReads.partnerId, notificationReads.userId],
      set: { readUpTo: sql`greatest(${notificationReads.readUpTo}, excluded.read_up_to)` },
    });
}

export async function getReadUpTo(db: Executor, scope: StaffScope): Promise<Date | null> {
  const [row] = await db
    .select({ readUpTo: notificationReads.readUpTo })
    .from(notificationReads)
    .where(and(scopeWhere(notificationReads, scope), eq(notificationReads.userId, scope.user.id)));
  return row?.readUpTo ?? null;
}
