import { existsSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { createDatabase } from "@/db";
import { partners, users, wallexPayments } from "@/db/schema";
import { spawnNextServer } from "@/lib/cli/next-server-process";
import { DEMO_PARTNER_SLUG, seedDemoData } from "@/lib/cli/seed-demo";
import { seedDemoActivity } from "@/lib/cli/seed-demo-activity";
import { generateKeySpec } from "@/lib/crypto/secrets";
import { encryptSecret } from "@/lib/crypto";
import { setEnv } from "@/lib/env";
import { createTestDatabase } from "@/lib/testing/test-database";
import { closeEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";

/** The demo admin's authenticator secret in the bench's throwaway database (admins must use 2FA). */
export const BENCH_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export type BenchApp = {
  baseUrl: string;
  database: "PGlite" | "PostgreSQL";
  paymentId: string;
  serverPid: number;
  stop: () => Promise<void>;
};

/**
 * The built app as `npm start` serves it, on the demo data: a throwaway database (a new one on
 * DATABASE_URL's server, or an in-memory PGlite held by this process, as the launcher holds it),
 * the demo tenant seeded with its sandbox activity, then our production server on `port`.
 * `nodeOptions` reach the server process only (e.g. `--cpu-prof`).
 */
export async function startBenchApp(port: number, nodeOptions?: string): Promise<BenchApp> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("Run `npx next build` first: the bench serves the built app.");
  const onPostgres = !!process.env.DATABASE_URL;
  const database = await createTestDatabase("partner_desk_bench");
  setEnv("DATABASE_URL", database.url);
  setEnv("AUTH_SECRET", "bench-auth-secret-bench-auth-secret-0123456789");
  setEnv("ENCRYPTION_KEYS", generateKeySpec("bench"));
  setEnv("APP_URL", `http://localhost:${port}`);
  setEnv("PORT", String(port));
  setEnv("LOG_LEVEL", "warn");
  setEnv("WALLEX_SANDBOX_EMBEDDED", "true");
  // Pages only: the job worker (the demo's webhooks, reconciling) would spend the server's CPU
  // in the middle of the figures; production can run it apart the same way (`npm run worker`).
  setEnv("RUN_WORKER", "false");
  let server: ReturnType<typeof spawnNextServer> | undefined;
  const stop = async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await database.drop();
  };
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await seedDemoData(database.url);
    await seedDemoActivity();
    await closeEmbeddedSandbox(); // the server opens its own
    const paymentId = await prepareDemo(database.url);
    if (nodeOptions) process.env.NODE_OPTIONS = nodeOptions; // the server inherits this environment
    server = spawnNextServer("start");
    const baseUrl = `http://localhost:${port}`;
    await waitForServer(`${baseUrl}/sign-in`);
    return { baseUrl, database: onPostgres ? "PostgreSQL" : "PGlite", paymentId, serverPid: server.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Gives the demo admin a known authenticator secret; returns a payment's Wallex id for the record page. */
async function prepareDemo(url: string) {
  const { db, pool } = createDatabase(url);
  try {
    await db
      .update(users)
      .set({ totpSecret: encryptSecret(BENCH_TOTP_SECRET) })
      .where(eq(users.email, "admin@demo.test"));
    const [payment] = await db
      .select({ wallexId: wallexPayments.wallexId })
      .from(wallexPayments)
      .innerJoin(partners, and(eq(partners.id, wallexPayments.partnerId), eq(partners.slug, DEMO_PARTNER_SLUG)))
      .limit(1);
    if (!payment) throw new Error("The demo seed made no payment.");
    return payment.wallexId;
  } finally {
    await pool.end();
  }
}

async function waitForServer(url: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The server did not answer ${url} within 120 s.`);
}
