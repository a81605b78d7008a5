import "server-only";
import { and, inArray, max, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexApiCalls, wallexConnections, webhookEvents } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/** Calls after which Wallex sends a notification (webhooks.md §5). */
const NOTIFYING_OPERATIONS = [
  "users.screen",
  "payments.fund",
  "conversions.fund",
  "collections.createAccount",
  "collectionRequests.create",
  "collectionRequests.cancel",
];
/** How long a notification may take before its absence counts. */
export const ALARM_GRACE_MS = 15 * 60_000;

export type WebhookAlarm = { stalled: boolean; lastEventAt: Date | null; unanswered: number };

/**
 * Raised when our calls should have produced notifications (a fund, a screening…) more than the
 * grace period ago, yet nothing authentic has arrived since the later of the webhook's
 * registration and the last event: the subscription is probably broken. One round trip (the
 * overview and the Webhooks page ask on every render, the reconcile job every 5 minutes).
 */
export async function getWebhookAlarm(db: Executor, scope: TenantScope, now = new Date()): Promise<WebhookAlarm> {
  const registeredAt = db
    .select({ at: wallexConnections.webhookRegisteredAt })
    .from(wallexConnections)
    .where(scopeWhere(wallexConnections, scope));
  const lastEventAt = db
    .select({ at: max(webhookEvents.receivedAt) })
    .from(webhookEvents)
    .where(and(scopeWhere(webhookEvents, scope), ne(webhookEvents.outcome, "rejected")));
  const since = sql`greatest((${registeredAt}), (${lastEventAt}))`;
  const unanswered = db
    .select({ n: sql`count(*)::int` })
    .from(wallexApiCalls)
    .where(
      and(
        scopeWhere(wallexApiCalls, scope),
        inArray(wallexApiCalls.operation, NOTIFYING_OPERATIONS),
        sql`${wallexApiCalls.status} between 200 and 299`,
        sql`${wallexApiCalls.createdAt} > ${since}`,
        sql`${wallexApiCalls.createdAt} < ${new Date(now.getTime() - ALARM_GRACE_MS).toISOString()}::timestamptz`,
      ),
    );
  // Without a registration nothing is owed: `since` is null then and so is the count's filter.
  const {
    rows: [row],
  } = await db.execute<{ last_event_at: string | Date | null; unanswered: number }>(
    sql`select (${lastEventAt}) as last_event_at, (${unanswered}) as unanswered`,
  );
  const last = row.last_event_at === null ? null : new Date(row.last_event_at);
  return { stalled: row.unanswered > 0, lastEventAt: last, unanswered: row.unanswered };
}
