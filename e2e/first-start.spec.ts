import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { generateKeySpec } from "@/lib/crypto/secrets";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * A newcomer's first `npm start`, on a port that is not 3000 and with APP_URL unset: the real
 * launcher seeds the demo (its activity registers the webhook and makes the sandbox notify before
 * the server listens), and the demo's notifications must reach the webhook inbox, which the
 * Webhooks page lists, within a minute. It runs on its own database on DATABASE_URL's server, not
 * on PGlite, so that the test can watch the inbox while the launcher runs (PGlite serves only the
 * process that opened it); the launcher's path is otherwise the same (`--demo`).
 */
test("a fresh start on another port receives the demo's webhooks within a minute", async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  let database: TestDatabase | undefined;
  let launcher: ChildProcess | undefined;
  const check = new pg.Pool({ max: 1 });
  try {
    database = await createTestDatabase("partner_desk_first_start");
    check.options.connectionString = database.url;
    const { APP_URL: _appUrl, E2E_PORT: _e2ePort, WALLEX_SANDBOX_EMBEDDED: _embedded, ...inherited } = process.env;
    const started = Date.now();
    launcher = spawn("npm", ["start", "--", "--demo"], {
      detached: true, // its own process group: the server it starts stops with it
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...inherited,
        PORT: String(port),
        DATABASE_URL: database.url,
        LOG_LEVEL: "warn",
        AUTH_SECRET: "first-start-auth-secret-0123456789abcdef",
        ENCRYPTION_KEYS: generateKeySpec("first"),
      },
    });
    let output = "";
    launcher.stdout?.on("data", (chunk) => (output += chunk));
    launcher.stderr?.on("data", (chunk) => (output += chunk));

    await expect
      .poll(async () => (await fetch(`http://localhost:${port}/sign-in`).catch(() => null))?.status, {
        timeout: 150_000,
        intervals: [500],
      })
      .toBe(200);
    const listening = Date.now();

    // What the seeding made the sandbox send (auto-progress adds more later): each must be answered.
    const seeded = (
      await check.query<{ id: string }>(
        `SELECT d.id FROM wallex_sandbox.records d JOIN partners p ON p.id::text = d.partner_id WHERE d.kind = 'delivery' AND p.slug = 'demo'`,
      )
    ).rows.map((r) => r.id);
    expect(seeded.length).toBeGreaterThan(5);
    const unanswered = async () =>
      (
        await check.query<{ id: string; status: string }>(
          `SELECT id, data->>'status' AS status FROM wallex_sandbox.records WHERE kind = 'delivery' AND id = ANY($1) AND data->>'status' <> 'delivered'`,
          [seeded],
        )
      ).rows;
    // "Within seconds of the first page": well inside the sandbox's first retry (60 s).
    await expect.poll(unanswered, { timeout: 15_000, intervals: [250], message: output }).toEqual([]);
    const delivered = Date.now();

    const demoEvents = async () => {
      const { rows } = await check.query<{ received: number; processed: number }>(
        `SELECT count(*)::int AS received, count(e.processed_at)::int AS processed
           FROM webhook_events e JOIN partners p ON p.id = e.partner_id
          WHERE p.slug = 'demo' AND e.outcome <> 'rejected'`,
      );
      return rows[0];
    };
    expect((await demoEvents()).received).toBeGreaterThanOrEqual(seeded.length);
    await expect
      .poll(async () => (await demoEvents()).processed, {
        timeout: 60_000 - (delivered - listening),
        intervals: [500],
        message: output,
      })
      .toBeGreaterThanOrEqual(seeded.length);
    const processed = Date.now();
    const [connection] = (
      await check.query(
        `SELECT c.base_url FROM wallex_connections c JOIN partners p ON p.id = c.partner_id WHERE p.slug = 'demo'`,
      )
    ).rows;
    expect(connection.base_url).toBe(`http://localhost:${port}/api/wallex-sandbox`);
    const counts = await demoEvents();
    console.log(
      `first start on port ${port}: listening after ${listening - started} ms; the ${seeded.length} seeded webhooks delivered ${delivered - listening} ms ` +
        `and processed ${processed - listening} ms after that; inbox now ${counts.received} received, ${counts.processed} processed`,
    );
  } finally {
    if (launcher?.pid && launcher.exitCode === null) {
      const exited = new Promise((resolve) => launcher!.once("exit", resolve));
      process.kill(-launcher.pid, "SIGTERM");
      await exited;
    }
    await check.end();
    await database?.drop();
  }
});

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
