import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { signInThrottles } from "@/db/schema";

/** Rejected (forged, oversize) deliveries we record per partner and minute; beyond it they get a 429 and no row. */
export const REJECTED_DELIVERIES_PER_MINUTE = 60;

/**
 * Counts one rejected delivery for the partner in a fixed one-minute window, in one statement on
 * the shared throttle table (every instance sees the same count). False once the window is full.
 */
export async function admitRejectedDelivery(
  db: Executor,
  partnerId: string,
  limit = REJECTED_DELIVERIES_PER_MINUTE,
): Promise<boolean> {
  const t = signInThrottles;
  const fresh = sql`${t.windowStartedAt} > now() - interval '1 minute'`;
  const [row] = await db
    .insert(t)
    .values({ key: `webhook-rejected:${partnerId}`, failures: 1, windowStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${fresh} then ${t.failures} + 1 else 1 end`,
        windowStartedAt: sql`case when ${fresh} then ${t.windowStartedAt} else now() end`,
      },
    })
    .returning({ count: t.failures });
  return row.count <= limit;
}
