import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { wallexRateWindows } from "@/db/schema";
import { sleep, type RateLimiter } from "@/lib/wallex/client/rate-limiter";

const WINDOW_MS = 1000;
// Slack for the time between the grant and the request leaving (token read, scheduling under load).
const MARGIN_MS = 100;

/**
 * A sliding one-second window per key, kept in one PostgreSQL row and read under a row lock with
 * the database's clock, so every process of every instance draws from the same budget. Callers
 * wait their turn instead of failing.
 */
export function createPgRateLimiter(db: Database): RateLimiter {
  return {
    async acquire(key, perSecond, signal) {
      for (;;) {
        signal?.throwIfAborted();
        const waitMs = await tryGrant(db, key, perSecond);
        if (waitMs === 0) return;
        await sleep(waitMs, signal);
      }
    },
  };
}

/** 0 when a request may go now (and records it), else how long to wait before asking again. */
async function tryGrant(db: Database, key: string, perSecond: number): Promise<number> {
  await db.insert(wallexRateWindows).values({ key }).onConflictDoNothing();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        grants: wallexRateWindows.grants,
        now: sql<string>`(extract(epoch from clock_timestamp()) * 1000)::bigint`,
      })
      .from(wallexRateWindows)
      .where(eq(wallexRateWindows.key, key))
      .for("update");
    const now = Number(row.now);
    const recent = row.grants.filter((t) => t > now - WINDOW_MS - MARGIN_MS);
    if (recent.length >= perSecond) return Math.max(1, recent[0] + WINDOW_MS + MARGIN_MS - now + 1);
    await tx
      .update(wallexRateWindows)
      .set({ grants: [...recent, now] })
      .where(eq(wallexRateWindows.key, key));
    return 0;
  });
}
