import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Database } from "@/db";
import { webhookEvents } from "@/db/schema";

/** Rejected deliveries (forged, oversize, not a notification) are kept this long, for the Webhooks page. */
export const REJECTED_RETENTION_DAYS = 30;

/** The scheduled purge: rejected rows older than the retention; accepted events are never purged here. */
export async function purgeRejectedEvents(db: Database, { olderThanDays = REJECTED_RETENTION_DAYS } = {}) {
  const cutoff = new Date(Date.now() - olderThanDays * 86_400_000);
  const purged = await db
    .delete(webhookEvents)
    .where(and(eq(webhookEvents.outcome, "rejected"), lt(webhookEvents.receivedAt, cutoff)))
    .returning({ id: webhookEvents.id });
  return { purged: purged.length };
}
