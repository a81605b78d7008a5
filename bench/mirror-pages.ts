/**
 * What the records and webhooks pages cost when they read only our mirror: the same data calls the
 * pages make (list with filters and member names, tab counts, facets, one record with its timeline,
 * the webhook inbox page), over a partner holding many objects, on real PostgreSQL. Any attempt to
 * reach Wallex during the run fails the bench: pages must never wait on Wallex.
 *
 * Usage: npx tsx --conditions=react-server bench/mirror-pages.ts [payments=20000] [rounds=200]
 * Creates and drops a throwaway database on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres).
 * Target: p95 under 50 ms for each page's data on a 2-core machine, with zero Wallex calls.
 */
import { randomUUID } from "node:crypto";
import { register } from "node:module";

// Next serves pages from its react-server layer, where `next/navigation` is its server build; the
// data layer imports it (through lib/auth/scope), so alias it the same way under plain Node.
register(
  `data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) {
  return next(specifier === "next/navigation" ? "next/dist/api/navigation.react-server.js" : specifier, context);
}`)}`,
);

const payments = Math.min(Number(process.argv[2] ?? 20_000), 500_000);
const rounds = Math.min(Number(process.argv[3] ?? 200), 10_000);
const TARGET_P95_MS = 50;

async function main() {
  process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
  process.env.LOG_LEVEL ??= "silent";
  process.env.AUTH_SECRET ??= "bench-auth-secret-bench-auth-secret-0123456789";
  const { generateKeySpec } = await import("@/lib/crypto/secrets");
  process.env.ENCRYPTION_KEYS ??= generateKeySpec("bench");

  // No page may reach Wallex: every outbound request fails the run.
  let wallexCalls = 0;
  globalThis.fetch = (async () => {
    wallexCalls++;
    throw new Error("a page tried to call Wallex");
  }) as typeof fetch;

  const { createTestDatabase } = await import("@/lib/testing/test-database");
  const database = await createTestDatabase("partner_desk_bench");
  try {
    const { setEnv } = await import("@/lib/env");
    setEnv("DATABASE_URL", database.url);
    const { getDb, getPool } = await import("@/db");
    const { sql } = await import("drizzle-orm");
    const { partners, staffMemberships, users, wallexApiCalls } = await import("@/db/schema");
    const { findStaffScope } = await import("@/lib/auth/scope");
    const mirror = await import("@/lib/data/mirror");
    const inbox = await import("@/lib/data/webhook-events");
    const db = getDb();

    const [partner] = await db
      .insert(partners)
      .values({ slug: `bench-${randomUUID().slice(0, 8)}`, name: "Bench Partner" })
      .returning();
    const [user] = await db
      .insert(users)
      .values({ email: `bench-${randomUUID().slice(0, 8)}@example.test`, name: "Bench", passwordHash: "x" })
      .returning();
    await db.insert(staffMemberships).values({ partnerId: partner.id, userId: user.id, role: "admin" });
    const found = await findStaffScope(
      { id: user.id, email: user.email, name: user.name, sessionId: "bench", hasTwoFactor: true },
      partner.slug,
    );
    if (!("scope" in found)) throw new Error(found.problem);
    const scope = found.scope;

    const members = 500;
    const seed = performance.now();
    await db.execute(sql`
      insert into wallex_users (partner_id, wallex_id, account_id, status, reference, data, wallex_created_at, read_at)
      select ${partner.id}, 'user-' || i, 'acct-' || i, case when i % 10 = 0 then 'pending_approval' else 'approved' end,
             'member' || i || '@example.com', jsonb_build_object('id', 'user-' || i), now() - (i || ' minutes')::interval, now()
      from generate_series(1, ${members}) i`);
    await db.execute(sql`
      insert into wallex_payments (partner_id, wallex_id, account_id, status, currency, amount, reference, data, wallex_created_at, read_at)
      select ${partner.id}, 'pay-' || i, 'acct-' || (1 + i % ${members}),
             (array['awaiting_funds','under_review','processing','in_transit','completed','failed'])[1 + i % 6],
             (array['SGD','USD','EUR'])[1 + i % 3], (i % 100000) / 100.0, 'ref-' || i,
             jsonb_build_object('id', 'pay-' || i, 'sellAmount', (i % 100000) / 100.0, 'paymentReference', 'Invoice ' || i || ' for services'), now() - (i || ' seconds')::interval, now()
      from generate_series(1, ${payments}) i`);
    await db.execute(sql`
      insert into wallex_timeline (partner_id, kind, wallex_id, account_id, status, source, at)
      select ${partner.id}, 'payment', 'pay-' || (1 + i % ${payments}), 'acct-1', 'processing', 'webhook', now() - (i || ' seconds')::interval
      from generate_series(1, ${payments * 2}) i`);
    await db.execute(sql`
      insert into webhook_events (partner_id, resource, resource_id, status, account_id, raw_body, outcome, result, received_at)
      select ${partner.id}, 'simple_payment', 'pay-' || i, 'completed', 'acct-' || (1 + i % ${members}), '{}', 'processed', 'no change', now() - (i || ' seconds')::interval
      from generate_series(1, ${payments}) i`);
    await db.execute(sql`analyze`);
    const apiCallsBefore = (await db.select({ n: sql<number>`count(*)::int` }).from(wallexApiCalls))[0].n;
    console.log(
      `setup: ${members} members, ${payments} payments, ${payments * 2} timeline entries, ${payments} webhook events in ${((performance.now() - seed) / 1000).toFixed(1)} s`,
    );

    const pages: Record<string, () => Promise<unknown>> = {
      "records list (page 1)": () =>
        Promise.all([
          mirror.listMirrorRecords(db, scope, "payment", { page: 1 }),
          mirror.countMirrorRecords(db, scope),
          mirror.listMirrorStatuses(db, scope, "payment"),
          mirror.listMemberAccounts(db, scope),
        ]),
      "records list (status + member filter, page 3)": () =>
        mirror.listMirrorRecords(db, scope, "payment", { page: 3, status: "completed", member: "acct-7" }),
      "records search by reference": () => mirror.listMirrorRecords(db, scope, "payment", { page: 1, q: "ref-1234" }),
      "records search by payment reference": () =>
        mirror.listMirrorRecords(db, scope, "payment", { page: 1, q: "invoice 1234 " }),
      "record detail with timeline": () => mirror.getMirrorRecord(db, scope, "payment", "pay-4242"),
      "webhooks inbox (page 1)": () =>
        Promise.all([
          inbox.listWebhookEvents(db, scope, { page: 1 }),
          inbox.listWebhookFacets(db, scope),
          mirror.listMemberAccounts(db, scope),
        ]),
    };

    let met = true;
    for (const [name, load] of Object.entries(pages)) {
      for (let i = 0; i < 10; i++) await load(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        await load();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
      const p95 = Number(at(0.95));
      met &&= p95 < TARGET_P95_MS;
      console.log(
        `${name.padEnd(48)} p50 ${at(0.5).padStart(7)} ms  p95 ${at(0.95).padStart(7)} ms  max ${at(1).padStart(7)} ms`,
      );
    }
    const apiCallsAfter = (await db.select({ n: sql<number>`count(*)::int` }).from(wallexApiCalls))[0].n;
    console.log(
      `Wallex calls during the run: ${wallexCalls} outbound requests, ${apiCallsAfter - apiCallsBefore} rows in the API log`,
    );
    met &&= wallexCalls === 0 && apiCallsAfter === apiCallsBefore;
    console.log(`target (p95 < ${TARGET_P95_MS} ms per page, zero Wallex calls): ${met ? "MET" : "NOT MET"}`);
    await getPool().end();
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
