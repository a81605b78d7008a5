/**
 * Intake rate of the Wallex webhook receiver (app/api/webhooks/wallex/[partnerId]/route.ts) on a
 * real PostgreSQL: HTTP, body read, connection lookup, secret check (decrypt + constant-time
 * compare), JSON validation and the webhook_events insert, for a bounded time. Not run by the
 * test suite; it is a report and exits 0 whether or not the target is met.
 *
 * Usage:
 *   npx tsx --conditions=react-server bench/webhook-ingest.ts [seconds=10] [concurrency=32] [--warmup 1]
 *     Creates and migrates a throwaway database on DATABASE_URL's server (default
 *     postgres://postgres@127.0.0.1:5432/postgres), seeds one partner with a webhook secret, serves
 *     the real route handler on 127.0.0.1 with @hono/node-server and drives it from a second
 *     process (keep-alive node:http, `concurrency` requests in flight). The database is dropped at
 *     the end, also on error or Ctrl-C. LOG_LEVEL defaults to silent (set LOG_LEVEL=error to see
 *     intake failures).
 *   npx tsx bench/webhook-ingest.ts [seconds] [concurrency] --url http://127.0.0.1:3000 --partner <id> --secret <s>
 *     Targets an already running app (e.g. `next start`) instead; no database is created and the
 *     inbox row count is not checked.
 *
 * Every request posts {"resource":"simple_payment","resourceId":<uuid>,"status":"completed","accountId":<uuid>};
 * about 1% carry a wrong secret and must get 401, or 429 once the partner's rejected deliveries pass
 * REJECTED_DELIVERIES_PER_MINUTE (they are excluded from the accepted rate and the
 * latency figures). One second of warm-up (--warmup <s> to change; V8 keeps optimizing the handler
 * for several seconds, so --warmup 10 shows the steady state) precedes the measured window.
 * Target: ≥ 1,000 events/s accepted with p99 latency < 50 ms on a 2-core machine.
 */
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { openBenchDatabase } from "./bench-database";
import { loadInChildProcess, runAsLoadChild } from "./load-process";

const TARGET_RATE = 1000;
const TARGET_P99_MS = 50;
const WARMUP_SECONDS = 1;
const FORGED_EVERY = 100; // ~1% of requests carry a wrong secret
const SECRET_HEADER = "x-partner-desk-secret"; // WEBHOOK_SECRET_HEADER, duplicated so the load process imports no app code

type LoadConfig = {
  baseUrl: string;
  partnerId: string;
  secret: string;
  seconds: number;
  concurrency: number;
  warmup: number;
};
type LoadResult = {
  latencies: number[]; // genuine requests in the measured window, ms
  elapsed: number; // s
  accepted: number; // 200s in the measured window
  non200: Record<string, number>; // genuine requests that did not get 200, by status (0 = transport error)
  forged: number;
  forged401: number;
  forged429: number; // past the per-partner limit on rejected deliveries: no row
  forgedOther: Record<string, number>;
  perSecond: number[]; // 200s completed in each second of the measured window
  warmup: { seconds: number; accepted: number; forged401: number; requests: number };
};

function parseArgs(argv: string[]) {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2);
      flags[name] = inline ?? argv[++i] ?? "";
    } else positional.push(arg);
  }
  const seconds = Math.max(1, Math.min(Number(positional[0] ?? 10) || 10, 120));
  const concurrency = Math.max(1, Math.min(Number(positional[1] ?? 32) || 32, 256));
  const warmup = Math.max(0, Math.min(Number(flags.warmup ?? WARMUP_SECONDS), 60)) || 0;
  return { seconds, concurrency, warmup, flags };
}

// ---------------------------------------------------------------------------------------------
// Load generator (runs in a child process in the default mode, in-process with --url)

async function runLoad(cfg: LoadConfig): Promise<LoadResult> {
  const base = new URL(cfg.baseUrl);
  if (base.protocol !== "http:") throw new Error("only http:// targets are supported");
  const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.concurrency, maxFreeSockets: cfg.concurrency });
  const path = `${base.pathname.replace(/\/$/, "")}/api/webhooks/wallex/${cfg.partnerId}`;
  const forgedSecret = randomBytes(32).toString("base64url");

  const post = (secret: string) =>
    new Promise<number>((resolve) => {
      const body = JSON.stringify({
        resource: "simple_payment",
        resourceId: randomUUID(),
        status: "completed",
        accountId: randomUUID(),
      });
      const req = http.request(
        {
          agent,
          hostname: base.hostname,
          port: base.port || 80,
          path,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            [SECRET_HEADER]: secret,
          },
        },
        (res) => {
          res.resume(); // drain {"received":...}
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", () => resolve(0));
        },
      );
      req.on("error", () => resolve(0));
      req.end(body);
    });

  let counter = 0;
  const phase = async (seconds: number, record: boolean, result: LoadResult) => {
    const start = performance.now();
    const end = start + seconds * 1000;
    await Promise.all(
      Array.from({ length: cfg.concurrency }, async () => {
        while (performance.now() < end) {
          const forged = ++counter % FORGED_EVERY === 0;
          const t = performance.now();
          const status = await post(forged ? forgedSecret : cfg.secret);
          const ms = performance.now() - t;
          if (!record) {
            result.warmup.requests++;
            if (!forged && status === 200) result.warmup.accepted++;
            if (forged && status === 401) result.warmup.forged401++;
          } else if (forged) {
            result.forged++;
            if (status === 401) result.forged401++;
            else if (status === 429) result.forged429++;
            else result.forgedOther[status] = (result.forgedOther[status] ?? 0) + 1;
          } else {
            result.latencies.push(ms);
            if (status === 200) {
              result.accepted++;
              const second = Math.floor((t + ms - start) / 1000);
              result.perSecond[second] = (result.perSecond[second] ?? 0) + 1;
            } else result.non200[status] = (result.non200[status] ?? 0) + 1;
          }
        }
      }),
    );
  };

  const result: LoadResult = {
    latencies: [],
    elapsed: 0,
    accepted: 0,
    non200: {},
    forged: 0,
    forged401: 0,
    forged429: 0,
    forgedOther: {},
    perSecond: [],
    warmup: { seconds: cfg.warmup, accepted: 0, forged401: 0, requests: 0 },
  };
  if (cfg.warmup > 0) await phase(cfg.warmup, false, result);
  const started = performance.now();
  await phase(cfg.seconds, true, result);
  result.elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}

const loadInChild = (cfg: LoadConfig) =>
  loadInChildProcess<LoadConfig, LoadResult>(fileURLToPath(import.meta.url), cfg);

// ---------------------------------------------------------------------------------------------
// Report

function report(cfg: LoadConfig, r: LoadResult, setup: string) {
  const lat = Float64Array.from(r.latencies).sort();
  const pct = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] : NaN);
  const rate = r.accepted / r.elapsed;
  const non200 = Object.values(r.non200).reduce((s, n) => s + n, 0);
  const fmt = (n: number) => n.toFixed(2);
  const breakdown = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([s, n]) => `${s === "0" ? "transport error" : s}: ${n}`)
      .join(", ");
  console.log(`setup: ${setup}`);
  console.log(
    `events: ${r.latencies.length} genuine + ${r.forged} forged in ${fmt(r.elapsed)} s, concurrency ${cfg.concurrency} (after ${r.warmup.seconds} s warm-up: ${r.warmup.requests} requests)`,
  );
  console.log(`accepted: ${r.accepted} → ${rate.toFixed(0)} accepted/s`);
  console.log(
    `latency ms (genuine): p50 ${fmt(pct(50))}  p95 ${fmt(pct(95))}  p99 ${fmt(pct(99))}  max ${fmt(pct(100))}`,
  );
  const perSecond = Array.from({ length: Math.ceil(cfg.seconds) }, (_, i) => r.perSecond[i] ?? 0); // the tail after the window is left out
  console.log(`accepted per second: ${perSecond.join(" ")}`);
  console.log(`non-200 (genuine): ${non200}${non200 ? ` (${breakdown(r.non200)})` : ""}`);
  const forgedOther = Object.values(r.forgedOther).reduce((s, n) => s + n, 0);
  console.log(
    `forged: ${r.forged}, answered 401: ${r.forged401}, 429: ${r.forged429}${forgedOther ? `, other: ${forgedOther} (${breakdown(r.forgedOther)})` : ""}`,
  );
  return { rate, p99: pct(99), non200, forgedOk: forgedOther === 0 };
}

function verdict(v: { rate: number; p99: number; non200: number; forgedOk: boolean }, extra = true) {
  const met = v.rate >= TARGET_RATE && v.p99 < TARGET_P99_MS && v.non200 === 0 && v.forgedOk && extra;
  const why = [
    v.rate < TARGET_RATE && `${v.rate.toFixed(0)} accepted/s < ${TARGET_RATE}`,
    !(v.p99 < TARGET_P99_MS) && `p99 ${v.p99.toFixed(2)} ms ≥ ${TARGET_P99_MS} ms`,
    v.non200 > 0 && `${v.non200} genuine events not accepted`,
    !v.forgedOk && "some forged events were not answered 401 or 429",
    !extra && "inbox row count does not match",
  ].filter(Boolean);
  console.log(
    `target (≥ ${TARGET_RATE} accepted/s, p99 < ${TARGET_P99_MS} ms): ${met ? "MET" : `NOT MET — ${why.join("; ")}`}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Modes

async function againstRunningApp(seconds: number, concurrency: number, warmup: number, flags: Record<string, string>) {
  const { url, partner, secret } = flags;
  if (!partner || !secret) throw new Error("--url needs --partner <id> and --secret <webhook secret>");
  const cfg: LoadConfig = { baseUrl: url, partnerId: partner, secret, seconds, concurrency, warmup };
  const r = await runLoad(cfg);
  verdict(report(cfg, r, `${url} (already running app; inbox row count not checked)`));
}

async function inProcess(seconds: number, concurrency: number, warmup: number) {
  // Environment and database first: the app modules below read them through lib/env.ts.
  const database = await openBenchDatabase();
  const { drop } = database;
  // The database goes on every way out: error, Ctrl-C, or an exception escaping the awaits below.
  const onFatal = (error: unknown) => {
    console.error(error);
    void drop().finally(() => process.exit(1));
  };
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);

  let closeServer: (() => Promise<void>) | undefined;
  let endPool: (() => Promise<void>) | undefined;
  try {
    const { getDb, getPool } = await import("@/db");
    const { partners, wallexConnections, webhookEvents } = await import("@/db/schema");
    const { encryptSecret } = await import("@/lib/crypto");
    const { WEBHOOK_SECRET_HEADER } = await import("@/lib/wallex/inbox/intake-address");
    const { POST } = await import("@/app/api/webhooks/wallex/[partnerId]/route");
    const { serve } = await import("@hono/node-server");
    const { sql } = await import("drizzle-orm");
    if (WEBHOOK_SECRET_HEADER !== SECRET_HEADER)
      throw new Error(`secret header is now ${WEBHOOK_SECRET_HEADER}: update the bench`);
    endPool = () => getPool().end();

    const db = getDb();
    const [partner] = await db
      .insert(partners)
      .values({ slug: `bench-${randomUUID().slice(0, 8)}`, name: "Bench Partner" })
      .returning();
    const secret = randomBytes(32).toString("base64url");
    await db.insert(wallexConnections).values({
      partnerId: partner.id,
      baseUrl: "http://127.0.0.1:9/v2",
      secretsOrigin: "http://127.0.0.1:9",
      apiKey: encryptSecret("bench-api-key"),
      accessKeyId: encryptSecret("bench-access-key-id"),
      secretAccessKey: encryptSecret("bench-secret-access-key"),
      apiKeyLast4: "-key",
      accessKeyIdLast4: "y-id",
      secretAccessKeyLast4: "-key",
      webhookSecret: encryptSecret(secret),
      webhookRegisteredAt: new Date(),
    });

    // The route handler as Next would call it, behind a plain node HTTP server.
    const route = /^\/api\/webhooks\/wallex\/([^/]+)$/;
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve(
        {
          hostname: "127.0.0.1",
          port: 0,
          fetch: (request: Request) => {
            const match = route.exec(new URL(request.url).pathname);
            if (!match) return new Response("not found", { status: 404 });
            if (request.method !== "POST") return new Response("method not allowed", { status: 405 });
            return POST(request, { params: Promise.resolve({ partnerId: decodeURIComponent(match[1]) }) });
          },
        },
        () => resolve(s),
      );
    });
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("server has no TCP address");
    closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));

    const cfg: LoadConfig = {
      baseUrl: `http://127.0.0.1:${address.port}`,
      partnerId: partner.id,
      secret,
      seconds,
      concurrency,
      warmup,
    };
    const r = await loadInChild(cfg);
    const dbName = new URL(database.url).pathname.slice(1);
    const pgVersion = (await db.execute<{ v: string }>(sql`select current_setting('server_version') as v`)).rows[0].v;
    const figures = report(
      cfg,
      r,
      `route handler in-process on ${cfg.baseUrl}, PostgreSQL ${pgVersion} db ${dbName}, app pool max ${getPool().options.max}`,
    );

    const counts = await db
      .select({ outcome: webhookEvents.outcome, n: sql<number>`count(*)::int` })
      .from(webhookEvents)
      .groupBy(webhookEvents.outcome);
    const count = (outcome: string) => counts.find((c) => c.outcome === outcome)?.n ?? 0;
    const expectedReceived = r.accepted + r.warmup.accepted;
    const expectedRejected = r.forged401 + r.warmup.forged401;
    const rowsMatch = count("received") === expectedReceived && count("rejected") === expectedRejected;
    console.log(
      `inbox: ${count("received")} received rows (expected ${expectedReceived} = ${r.accepted} measured + ${r.warmup.accepted} warm-up), ` +
        `${count("rejected")} rejected rows (expected ${expectedRejected}): ${rowsMatch ? "match" : "MISMATCH"}`,
    );
    verdict(figures, rowsMatch);
  } finally {
    await closeServer?.().catch(() => {});
    await endPool?.().catch(() => {});
    await drop();
    database.release();
    process.off("uncaughtException", onFatal);
    process.off("unhandledRejection", onFatal);
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (await runAsLoadChild(argv, runLoad)) return;
  const { seconds, concurrency, warmup, flags } = parseArgs(argv);
  if (flags.url) await againstRunningApp(seconds, concurrency, warmup, flags);
  else await inProcess(seconds, concurrency, warmup);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
