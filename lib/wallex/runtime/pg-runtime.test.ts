import { eq } from "drizzle-orm";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDatabase } from "@/db";
import { wallexApiCalls, wallexTokens } from "@/db/schema";
import { createPartner } from "@/lib/testing/factories";
import { createWallexClient } from "@/lib/wallex/client";
import { createWallexSandbox, DEMO_PARTNER_CREDENTIALS, type WallexSandbox } from "@/lib/wallex/sandbox";
import { createDbCallLogger } from "./db-call-logger";
import { createPgRateLimiter } from "./pg-rate-limiter";
import { createPgTokenStore } from "./pg-token-store";

// Two connection pools stand for two processes (or two machines) sharing one PostgreSQL.
const processes = [createDatabase(inject("databaseUrl")), createDatabase(inject("databaseUrl"))];
let sandbox: WallexSandbox;
/** A second sandbox that enforces Wallex's rate, as the judge of the burst test. */
let strict: WallexSandbox;
const seen: { path: string; at: number; status: number }[] = [];
const STRICT_RATE = 10;

beforeAll(async () => {
  sandbox = await createWallexSandbox({ rateLimit: false, autoProgress: false });
  strict = await createWallexSandbox({ rateLimit: { perSecond: STRICT_RATE }, autoProgress: false });
});
afterAll(async () => {
  await Promise.all([sandbox.close(), strict.close()]);
  await Promise.all(processes.map((p) => p.pool.end()));
});

function clientIn(index: number, partnerId: string, perSecond = 1000, target = () => sandbox) {
  const { db } = processes[index];
  return createWallexClient({
    baseUrl: "http://sandbox.test",
    ...DEMO_PARTNER_CREDENTIALS,
    tenant: partnerId,
    maxRequestsPerSecond: perSecond,
    tokenStore: createPgTokenStore(db, mintJobScope(partnerId, "test")),
    rateLimiter: createPgRateLimiter(db),
    logger: createDbCallLogger(db, mintJobScope(partnerId, "test")),
    fetch: async (input, init) => {
      const at = performance.now();
      const response = await target().fetch(new Request(input, init));
      seen.push({ path: new URL(input).pathname, at, status: response.status });
      return response;
    },
  });
}

describe("Wallex runtime on PostgreSQL", () => {
  test("100 concurrent calls on a cold tenant, from two processes, authenticate exactly once", async () => {
    const partner = await createPartner();
    const [a, b] = [clientIn(0, partner.id), clientIn(1, partner.id)];
    seen.length = 0;
    await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).currencies.list()));
    expect(seen.filter((s) => s.path === "/v2/authenticate")).toHaveLength(1);
    const [stored] = await processes[0].db.select().from(wallexTokens).where(eq(wallexTokens.partnerId, partner.id));
    expect(stored.token).not.toMatch(/^[A-Za-z0-9_-]{20,}$/); // encrypted at rest
  });

  test("a burst from two processes never exceeds the tenant's rate at a sandbox that enforces it", async () => {
    const partner = await createPartner();
    const [a, b] = [0, 1].map((i) => clientIn(i, partner.id, STRICT_RATE, () => strict));
    await a.currencies.list(); // authenticate first, so the burst is all reads
    await new Promise((resolve) => setTimeout(resolve, 1100));
    seen.length = 0;
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).currencies.list()));
    expect(seen).toHaveLength(30); // no retries were needed
    expect(seen.filter((s) => s.status === 429)).toEqual([]);
    const times = seen.map((s) => s.at).sort((x, y) => x - y);
    expect(times.at(-1)! - times[0]).toBeGreaterThan(1500); // 30 calls at 10/s take about two seconds
  }, 20_000);

  test("every attempt is logged with the partner, operation and request id", async () => {
    const partner = await createPartner();
    await clientIn(0, partner.id).currencies.list();
    await expect
      .poll(async () =>
        (await processes[0].db.select().from(wallexApiCalls).where(eq(wallexApiCalls.partnerId, partner.id)))
          .map((r) => r.operation)
          .sort(),
      )
      .toEqual(["auth.authenticate", "currencies.list"]);
    const rows = await processes[0].db.select().from(wallexApiCalls).where(eq(wallexApiCalls.partnerId, partner.id));
    expect(JSON.stringify(rows)).not.toContain(DEMO_PARTNER_CREDENTIALS.secretAccessKey);
  });
});
