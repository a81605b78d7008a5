/**
 * Webhook processing under a burst, end to end on a real PostgreSQL: notifications posted over
 * HTTP to the real route handler, stored, and processed by the worker's inbox drainer
 * (lib/wallex/inbox/drainer.ts) against an in-process Wallex sandbox that enforces a rate limit.
 * Not run by the test suite; it is a report and exits 0 whether or not the targets are met.
 *
 * Usage:
 *   npx tsx --conditions=react-server bench/webhook-burst.ts [notifications=10000] [objects=50] [rate=10]
 *
 * Creates and migrates a throwaway database on DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres) and drops it at the end (also on error or Ctrl-C).
 * Two tenants, each its own partner at the sandbox, both allowed `rate` requests per second (by
 * the sandbox and by our shared limiter): tenant A has 10 members holding `objects` fundings
 * between them, tenant B one member and one funding. A second process posts A's burst of
 * `notifications` about A's fundings (16 in flight), and B's single notification five times
 * during the burst, one second apart. The bench waits (at most 180 s) until every event is
 * processed, then prints events/s processed, the inbox lag per tenant (received → processed),
 * Wallex reads per event and balance reads per member, and whether the targets are met:
 *   - once A's last notification is in, its backlog costs at most one read per object (M reads for
 *     N notifications, not N; plus the ≤ 4 reads that were waiting for the rate limiter then); while the burst is still arriving an object is re-read at most once
 *     per pass over the waiting objects (notifications received after its last read began), so the
 *     total is about M × (1 + posting time / (M / rate));
 *   - balances are re-read at most once per member of A;
 *   - B's events wait at most 3 s (max lag) behind A's burst;
 *   - Wallex never answered 429 (the partner's rate was respected).
 */
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { openBenchDatabase } from "./bench-database";
import { loadInChildProcess, runAsLoadChild } from "./load-process";

const SECRET_HEADER = "x-partner-desk-secret"; // WEBHOOK_SECRET_HEADER, duplicated so the load process imports no app code
const MEMBERS_A = 10;
const B_EVENTS = 5;
const CONCURRENCY = 16;
const DRAIN_TIMEOUT_MS = 180_000;
// A lane has up to 4 reads waiting for the rate limiter; those begun before the last notification
// cannot answer it, so the tail may hold that many reads more than one per object.
const IN_FLIGHT = 4;
const TARGETS = { tailReadsPerObject: 1, balanceReadsPerMember: 1, bLagMaxMs: 3_000 };

type Tenant = { partnerId: string; secret: string; objects: { id: string; accountId: string }[] };
type LoadConfig = { baseUrl: string; a: Tenant; b: Tenant; notifications: number };
type LoadResult = { posted: number; non200: Record<string, number>; elapsedMs: number; bPostedAt: number[] };

// ---------------------------------------------------------------------------------------------
// Load generator (a child process: posting must not share the event loop with the drainer)

async function runLoad(cfg: LoadConfig): Promise<LoadResult> {
  const base = new URL(cfg.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 1 });
  const post = (tenant: Tenant, object: Tenant["objects"][number]) =>
    new Promise<number>((resolve) => {
      const body = JSON.stringify({
        resource: "funding",
        resourceId: object.id,
        status: "completed",
        accountId: object.accountId,
      });
      const req = http.request(
        {
          agent,
          hostname: base.hostname,
          port: base.port,
          path: `/api/webhooks/wallex/${tenant.partnerId}`,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            [SECRET_HEADER]: tenant.secret,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", () => resolve(0));
        },
      );
      req.on("error", () => resolve(0));
      req.end(body);
    });

  const result: LoadResult = { posted: 0, non200: {}, elapsedMs: 0, bPostedAt: [] };
  const count = (status: number) => {
    result.posted++;
    if (status !== 200) result.non200[status] = (result.non200[status] ?? 0) + 1;
  };
  const started = Date.now();
  let next = 0;
  let burstDone = false;
  const burst = Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < cfg.notifications) {
        const i = next++;
        count(await post(cfg.a, cfg.a.objects[i % cfg.a.objects.length]));
      }
    }),
  ).then(() => (burstDone = true));
  // B's single notification, now and then while A's burst is being posted and drained.
  for (let i = 0; i < B_EVENTS; i++) {
    await new Promise((r) => setTimeout(r, i === 0 ? 300 : 1000));
    result.bPostedAt.push(Date.now());
    count(await post(cfg.b, cfg.b.objects[0]));
  }
  await burst;
  result.elapsedMs = Date.now() - started;
  if (!burstDone) throw new Error("burst did not finish");
  agent.destroy();
  return result;
}

const loadInChild = (cfg: LoadConfig) =>
  loadInChildProcess<LoadConfig, LoadResult>(fileURLToPath(import.meta.url), cfg);

// ---------------------------------------------------------------------------------------------
// The app side

async function bench(notifications: number, objects: number, rate: number) {
  const database = await openBenchDatabase();
  const { drop } = database;

  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const { getDb, getPool } = await import("@/db");
    const { partners, wallexApiCalls, wallexConnections, webhookEvents } = await import("@/db/schema");
    const { encryptSecret } = await import("@/lib/crypto");
    const { WEBHOOK_SECRET_HEADER } = await import("@/lib/wallex/inbox/intake-address");
    const { startInboxDrainer } = await import("@/lib/wallex/inbox/drainer");
    const { POST } = await import("@/app/api/webhooks/wallex/[partnerId]/route");
    const { startStandalone } = await import("@/lib/wallex/sandbox/server");
    const { DEMO_PARTNER } = await import("@/lib/wallex/sandbox");
    const { Client } = await import("@/lib/wallex/sandbox/test/harness");
    const { serve } = await import("@hono/node-server");
    const { and, eq, sql } = await import("drizzle-orm");
    if (WEBHOOK_SECRET_HEADER !== SECRET_HEADER)
      throw new Error(`secret header is now ${WEBHOOK_SECRET_HEADER}: update the bench`);
    cleanups.push(() => getPool().end());
    const db = getDb();

    // Wallex: two partners, each limited to `rate` requests a second.
    const sandboxPartners = ["a", "b"].map((t) => ({
      ...DEMO_PARTNER,
      id: `bench-${t}`,
      name: `Bench ${t.toUpperCase()}`,
      apiKey: `bench-${t}-api-key`,
      accessKeyId: `bench-${t}-access-key`,
      secretAccessKey: `bench-${t}-secret-key`,
    }));
    const wallex = await startStandalone(
      {
        WALLEX_SANDBOX_PORT: "0",
        WALLEX_SANDBOX_DATABASE_URL: "memory",
        WALLEX_SANDBOX_AUTO_PROGRESS: "off",
        WALLEX_SANDBOX_RATE_LIMIT: String(rate),
      },
      { partners: sandboxPartners },
    );
    cleanups.push(() => wallex.stop());
    const control = wallex.sandbox.control;

    const tenant = async (sp: (typeof sandboxPartners)[number], members: number, fundings: number): Promise<Tenant> => {
      const [partner] = await db
        .insert(partners)
        .values({ slug: `bench-${randomUUID().slice(0, 8)}`, name: sp.name })
        .returning();
      const secret = randomBytes(32).toString("base64url");
      await db.insert(wallexConnections).values({
        partnerId: partner.id,
        baseUrl: wallex.url,
        secretsOrigin: new URL(wallex.url).origin,
        requestsPerSecond: rate,
        apiKey: encryptSecret(sp.apiKey),
        accessKeyId: encryptSecret(sp.accessKeyId),
        secretAccessKey: encryptSecret(sp.secretAccessKey),
        apiKeyLast4: sp.apiKey.slice(-4),
        accessKeyIdLast4: sp.accessKeyId.slice(-4),
        secretAccessKeyLast4: sp.secretAccessKey.slice(-4),
        webhookSecret: encryptSecret(secret),
        webhookRegisteredAt: new Date(),
      });
      const api = await new Client(wallex.url, sp.apiKey).login(sp.accessKeyId, sp.secretAccessKey);
      const accounts: string[] = [];
      for (let i = 0; i < members; i++) {
        const signup = await api.post("/v2/signup", {
          email: `m${i}-${randomUUID().slice(0, 6)}@example.com`,
          firstName: "Mei",
          lastName: "Tan",
          countryCode: "SG",
          accountType: "individual",
        });
        if (signup.status !== 200) throw new Error(`signup: ${signup.status} ${JSON.stringify(signup.body)}`);
        await control.decideUser(signup.body.userId, "pending_approval", undefined, sp.id);
        await control.decideUser(signup.body.userId, "approved", undefined, sp.id);
        accounts.push(signup.body.accountId);
        await new Promise((r) => setTimeout(r, 1000 / rate)); // stay under the sandbox's rate before the run
      }
      const objects = [];
      for (let i = 0; i < fundings; i++) {
        const accountId = accounts[i % accounts.length];
        const funding = (await control.topUp({ currency: "SGD", amount: 100 + i, accountId }, sp.id)) as { id: string };
        objects.push({ id: funding.id, accountId });
      }
      return { partnerId: partner.id, secret, objects };
    };
    const a = await tenant(sandboxPartners[0], MEMBERS_A, objects);
    const b = await tenant(sandboxPartners[1], 1, 1);
    await new Promise((r) => setTimeout(r, 1100)); // the setup's calls leave the sandbox's rate window
    const setupCalls = await db.select({ n: sql<number>`count(*)::int` }).from(wallexApiCalls);

    // The route handler as Next would call it, and the worker's drainer, in this process.
    const route = /^\/api\/webhooks\/wallex\/([^/]+)$/;
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve(
        {
          hostname: "127.0.0.1",
          port: 0,
          fetch: (request: Request) => {
            const match = route.exec(new URL(request.url).pathname);
            if (!match || request.method !== "POST") return new Response("not found", { status: 404 });
            return POST(request, { params: Promise.resolve({ partnerId: decodeURIComponent(match[1]) }) });
          },
        },
        () => resolve(s),
      );
    });
    cleanups.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("server has no TCP address");
    const drainer = startInboxDrainer(db);
    cleanups.unshift(() => drainer.stop());

    const started = Date.now();
    const load = await loadInChild({ baseUrl: `http://127.0.0.1:${address.port}`, a, b, notifications });
    const waiting = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(webhookEvents)
          .where(sql`${webhookEvents.outcome} in ('received', 'failed')`)
      )[0].n;
    while ((await waiting()) > 0 && Date.now() - started < DRAIN_TIMEOUT_MS)
      await new Promise((r) => setTimeout(r, 100));
    const left = await waiting();
    await drainer.stop();

    // Figures, from the inbox and our own log of every Wallex call.
    const lagOf = async (partnerId: string) => {
      const rows = await db
        .select({
          lag: sql<number>`extract(epoch from (${webhookEvents.processedAt} - ${webhookEvents.receivedAt})) * 1000`,
          received: sql<number>`extract(epoch from ${webhookEvents.receivedAt}) * 1000`,
          processed: sql<number>`extract(epoch from ${webhookEvents.processedAt}) * 1000`,
        })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.partnerId, partnerId), eq(webhookEvents.outcome, "processed")));
      const lags = rows.map((r) => Number(r.lag)).sort((x, y) => x - y);
      const pct = (p: number) =>
        lags.length ? lags[Math.min(lags.length - 1, Math.floor((p / 100) * lags.length))] : NaN;
      const first = Math.min(...rows.map((r) => Number(r.received)));
      const last = Math.max(...rows.map((r) => Number(r.processed)));
      const lastReceived = Math.max(...rows.map((r) => Number(r.received)));
      return {
        events: rows.length,
        p50: pct(50),
        p99: pct(99),
        max: pct(100),
        spanMs: last - first,
        lastReceived,
        tailMs: last - lastReceived,
      };
    };
    const callsOf = async (partnerId: string) => {
      const rows = await db
        .select({
          method: wallexApiCalls.method,
          path: wallexApiCalls.pathTemplate,
          status: wallexApiCalls.status,
          n: sql<number>`count(*)::int`,
        })
        .from(wallexApiCalls)
        .where(eq(wallexApiCalls.partnerId, partnerId))
        .groupBy(wallexApiCalls.method, wallexApiCalls.pathTemplate, wallexApiCalls.status);
      const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((n, r) => n + r.n, 0);
      return {
        objectReads: sum((r) => r.method === "GET" && r.path.includes("{fundingId}")),
        balanceReads: sum((r) => r.method === "GET" && r.path === "/v2/balances"),
        all: sum(() => true),
        refused429: sum((r) => r.status === 429),
      };
    };
    const lagA = await lagOf(a.partnerId);
    const lagB = await lagOf(b.partnerId);
    const callsA = await callsOf(a.partnerId);
    const callsB = await callsOf(b.partnerId);
    const callTimes = await db
      .select({ at: sql<number>`extract(epoch from ${wallexApiCalls.createdAt}) * 1000` })
      .from(wallexApiCalls)
      .where(
        and(
          eq(wallexApiCalls.partnerId, a.partnerId),
          sql`${wallexApiCalls.createdAt} >= to_timestamp(${started / 1000})`,
        ),
      );
    const perSecond: number[] = [];
    for (const { at } of callTimes) {
      const second = Math.floor((Number(at) - started) / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
    }
    const peak = Math.max(0, ...perSecond.filter(Boolean));
    // Reads sent after A's last notification arrived (a call is logged when its answer came).
    const [{ n: tailReads }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(wallexApiCalls)
      .where(
        and(
          eq(wallexApiCalls.partnerId, a.partnerId),
          eq(wallexApiCalls.method, "GET"),
          sql`${wallexApiCalls.pathTemplate} like '%{fundingId}%'`,
          sql`${wallexApiCalls.createdAt} - ${wallexApiCalls.durationMs} * interval '1 millisecond' > to_timestamp(${lagA.lastReceived / 1000})`,
        ),
      );

    const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const total = lagA.events + lagB.events;
    const rateProcessed = total / (Math.max(lagA.spanMs, lagB.spanMs) / 1000);
    const readsPerObject = callsA.objectReads / objects;
    const tailReadsPerObject = tailReads / objects;
    const passSeconds = objects / rate;
    const balancePerMember = callsA.balanceReads / MEMBERS_A;
    console.log(
      `setup: PostgreSQL db ${new URL(database.url).pathname.slice(1)}, route handler on 127.0.0.1:${address.port}, sandbox ${rate} req/s per partner (${setupCalls[0].n} setup calls)`,
    );
    console.log(
      `posted: ${load.posted} notifications in ${fmt(load.elapsedMs)} (${Math.round(load.posted / (load.elapsedMs / 1000))}/s), non-200: ${JSON.stringify(load.non200)}`,
    );
    console.log(
      `processed: ${total} events (${left} left waiting) in ${fmt(Math.max(lagA.spanMs, lagB.spanMs))} from first received to last processed → ${Math.round(rateProcessed)} events/s`,
    );
    console.log(
      `tenant A (${notifications} notifications, ${objects} objects, ${MEMBERS_A} members): drained in ${fmt(lagA.spanMs)}, ${fmt(lagA.tailMs)} after its last notification; ` +
        `inbox lag p50 ${fmt(lagA.p50)}, p99 ${fmt(lagA.p99)}, max ${fmt(lagA.max)}`,
    );
    console.log(
      `tenant B (${B_EVENTS} single notifications during the burst): inbox lag p50 ${fmt(lagB.p50)}, max ${fmt(lagB.max)}`,
    );
    console.log(
      `Wallex (A): ${callsA.objectReads} object reads (${readsPerObject.toFixed(2)} per object, ${(callsA.objectReads / notifications).toFixed(4)} per event), ` +
        `${callsA.balanceReads} balance reads (${balancePerMember.toFixed(2)} per member), ${callsA.all} calls in all, peak ${peak}/s, 429s: ${callsA.refused429}`,
    );
    console.log(
      `  after A's last notification: ${tailReads} object reads (${tailReadsPerObject.toFixed(2)} per object); while it was posted, ` +
        `${((callsA.objectReads - tailReads) / objects).toFixed(2)} per object over ${fmt(load.elapsedMs)} (one pass over ${objects} objects at ${rate}/s takes ${passSeconds.toFixed(1)} s)`,
    );
    console.log(`Wallex calls of A per second: ${Array.from(perSecond, (n) => n ?? 0).join(" ")}`);
    console.log(
      `Wallex (B): ${callsB.objectReads} object reads for ${B_EVENTS} events, ${callsB.balanceReads} balance reads, 429s: ${callsB.refused429}`,
    );

    const misses = [
      left > 0 && `${left} events still waiting after ${DRAIN_TIMEOUT_MS / 1000} s`,
      Object.keys(load.non200).length > 0 && "some notifications were not accepted",
      tailReads > objects * TARGETS.tailReadsPerObject + IN_FLIGHT &&
        `${tailReads} reads after the last notification > ${objects} objects + ${IN_FLIGHT} in flight`,
      balancePerMember > TARGETS.balanceReadsPerMember &&
        `${balancePerMember.toFixed(2)} balance reads per member > ${TARGETS.balanceReadsPerMember}`,
      !(lagB.max <= TARGETS.bLagMaxMs) && `B's max lag ${fmt(lagB.max)} > ${fmt(TARGETS.bLagMaxMs)}`,
      callsA.refused429 + callsB.refused429 > 0 && "Wallex answered 429",
    ].filter(Boolean);
    console.log(
      `targets (≤ ${TARGETS.tailReadsPerObject} read per object once the burst is in (+ ${IN_FLIGHT} in flight), ≤ ${TARGETS.balanceReadsPerMember} balance read per member, B's lag ≤ ${fmt(TARGETS.bLagMaxMs)}, no 429): ` +
        (misses.length ? `NOT MET — ${misses.join("; ")}` : "MET"),
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    await drop();
    database.release();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (await runAsLoadChild(argv, runLoad)) return;
  const [notifications = 10_000, objects = 50, rate = 10] = argv.map(Number);
  await bench(
    Math.max(1, Math.min(notifications, 100_000)),
    Math.max(MEMBERS_A, Math.min(objects, 1000)),
    Math.max(1, Math.min(rate, 100)),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
