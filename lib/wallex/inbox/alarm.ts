import "server-only";
import { and, eq, gt, inArray, lt, max, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexApiCalls, wallexConnections, webhookEvents } from "@/db/schema";

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
 * grace period ago, yet nothing authentic has arrived since: the subscription is probably broken.
 */
export async function webhookAlarm(db: Executor, partnerId: string, now = new Date()): Promise<WebhookAlarm> {
  const [[connection], [events]] = await Promise.all([
    db
      .select({ registeredAt: wallexConnections.webhookRegisteredAt })
      .from(wallexConnections)
      .where(eq(wallexConnections.partnerId, partnerId)),
    db
      .select({ lastEventAt: max(webhookEvents.receivedAt) })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.partnerId, partnerId), ne(webhookEvents.outcome, "rejected"))),
  ]);
  const lastEventAt = events?.lastEventAt ?? null;
  if (!connection?.registeredAt) return { stalled: false, lastEventAt, unanswered: 0 };

  const since = lastEventAt && lastEventAt > connection.registeredAt ? lastEventAt : connection.registeredAt;
  const [{ unanswered }] = await db
    .select({ unanswered: sql<number>`count(*)::int` })
    .from(wallexApiCalls)
    .where(
      and(
        eq(wallexApiCalls.partnerId, partnerId),
        inArray(wallexApiCalls.operation, NOTIFYING_OPERATIONS),
        sql`${wallexApiCalls.status} between 200 and 299`,
        gt(wallexApiCalls.createdAt, since),
        lt(wallexApiCalls.createdAt, new Date(now.getTime() - ALARM_GRACE_MS)),
      ),
    );
  return { stalled: unanswered > 0, lastEventAt, unanswered };
}
