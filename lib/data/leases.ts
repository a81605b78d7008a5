import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { leases } from "@/db/schema";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` while holding the lease `key`, waiting (polling) while another process holds it. The
 * lease lapses after `ttlMs` should its holder die. A row, not an advisory lock: it works the same
 * on PostgreSQL and on the embedded PGlite (one session behind many connections).
 */
export async function withLease<T>(
  db: Database,
  key: string,
  fn: () => Promise<T>,
  opts = { ttlMs: 30_000, pollMs: 50 },
) {
  const holder = randomUUID();
  for (;;) {
    const claimed = await db
      .insert(leases)
      .values({ key, holder, until: sql`now() + ${`${opts.ttlMs} milliseconds`}::interval` })
      .onConflictDoUpdate({
        target: leases.key,
        set: { holder, until: sql`excluded.until` },
        setWhere: sql`${leases.until} < now()`,
      })
      .returning({ holder: leases.holder });
    if (claimed[0]?.holder === holder) break;
    await sleep(opts.pollMs);
  }
  try {
    return await fn();
  } finally {
    await db.delete(leases).where(and(eq(leases.key, key), eq(leases.holder, holder)));
  }
}
