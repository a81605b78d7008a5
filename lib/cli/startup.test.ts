import { count, eq } from "drizzle-orm";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDatabase } from "@/db";
import { auditEvents, partners, wallexConnections } from "@/db/schema";
import { setEnv } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { getEmbeddedSandbox, closeEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { decryptSecret } from "@/lib/crypto";
import { registerWebhookAsSystem } from "@/lib/testing/wallex";
import { webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { embeddedSandboxBaseUrl } from "@/lib/wallex/demo";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { startupPlan } from "./startup-plan";
import { FIRST_PARTNER_HELP, prepareTenants } from "./startup-tenants";

describe("startupPlan", () => {
  const plan = (argv: string[], databaseUrlConfigured: boolean, env: Parameters<typeof startupPlan>[0]["env"] = {}) =>
    startupPlan({ argv, databaseUrlConfigured, env });

  test("the local demo (no DATABASE_URL) turns the sandbox on and seeds", () => {
    expect(plan(["start"], false)).toMatchObject({ sandbox: true, seedDemo: true });
  });

  test("a real database gets neither, unless asked", () => {
    expect(plan(["start"], true)).toEqual({ sandbox: false, seedDemo: false, notes: [] });
    expect(plan(["start"], true, { WALLEX_SANDBOX_EMBEDDED: "true" })).toMatchObject({
      sandbox: true,
      seedDemo: false,
    });
    expect(plan(["start", "--demo"], true)).toMatchObject({ sandbox: true, seedDemo: true });
    expect(plan(["dev"], true, { SEED_DEMO: "true" })).toMatchObject({ sandbox: true, seedDemo: true });
  });

  test("an explicit WALLEX_SANDBOX_EMBEDDED=false wins, and says why nothing was seeded", () => {
    const refused = plan(["start", "--demo"], true, { WALLEX_SANDBOX_EMBEDDED: "false" });
    expect(refused).toMatchObject({ sandbox: false, seedDemo: false });
    expect(refused.notes[0]).toMatch(/WALLEX_SANDBOX_EMBEDDED=false/);
    expect(plan(["start"], false, { WALLEX_SANDBOX_EMBEDDED: "false" })).toMatchObject({
      sandbox: false,
      seedDemo: false,
    });
  });
});

describe("prepareTenants on a database of its own", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("partner_desk_start");
    setEnv("DATABASE_URL", database.url);
  });
  afterAll(() => database.drop());

  test("a production start seeds nothing and says how to create the first partner; --demo seeds", async () => {
    setEnv("WALLEX_SANDBOX_EMBEDDED", "false");
    const production = await prepareTenants(
      database.url,
      startupPlan({ argv: ["start"], databaseUrlConfigured: true, env: {} }),
    );
    expect(production).toEqual({ seeded: false, messages: [FIRST_PARTNER_HELP] });
    expect(FIRST_PARTNER_HELP).toContain("npm run partner:create");
    const check = createDatabase(database.url);
    try {
      expect((await check.db.select({ n: count() }).from(partners))[0].n).toBe(0);

      const demo = startupPlan({ argv: ["start", "--demo"], databaseUrlConfigured: true, env: {} });
      setEnv("WALLEX_SANDBOX_EMBEDDED", String(demo.sandbox)); // what the launcher does
      expect(await prepareTenants(database.url, demo)).toEqual({ seeded: true, messages: [] });
      const [partner] = await check.db.select().from(partners).where(eq(partners.slug, "demo"));
      const [connection] = await check.db
        .select()
        .from(wallexConnections)
        .where(eq(wallexConnections.partnerId, partner.id));
      expect(connection.kind).toBe("embedded_sandbox");
      expect((await getEmbeddedSandbox()).control.partnerIdForKey(decryptSecret(connection.apiKey))).toBe(partner.id);
      await closeEmbeddedSandbox();
    } finally {
      await check.pool.end();
    }
  }, 30_000);

  test("a tenant on the embedded sandbox whose identity the sandbox lost gets a new one on start", async () => {
    setEnv("WALLEX_SANDBOX_EMBEDDED", "true");
    const check = createDatabase(database.url);
    try {
      const [partner] = await check.db.select().from(partners).where(eq(partners.slug, "demo"));
      await check.pool.query("DELETE FROM wallex_sandbox.records");
      const before = (
        await check.db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partner.id))
      )[0];
      const outcome = await prepareTenants(
        database.url,
        startupPlan({ argv: ["start"], databaseUrlConfigured: true, env: { WALLEX_SANDBOX_EMBEDDED: "true" } }),
      );
      expect(outcome.messages).toEqual([expect.stringMatching(/demo a new embedded sandbox identity/)]);
      const after = (
        await check.db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partner.id))
      )[0];
      expect(decryptSecret(after.apiKey)).not.toBe(decryptSecret(before.apiKey));
      const audit = await check.db.select().from(auditEvents).where(eq(auditEvents.partnerId, partner.id));
      expect(audit.map((a) => a.action)).toContain("settings.embedded_sandbox_connected");
    } finally {
      await check.pool.end();
    }
  }, 30_000);

  test("a tenant on the embedded sandbox keeps working after APP_URL changes, its webhook following", async () => {
    setEnv("WALLEX_SANDBOX_EMBEDDED", "true");
    setEnv("APP_URL", "http://localhost:3000");
    const check = createDatabase(database.url);
    try {
      const [partner] = await check.db.select().from(partners).where(eq(partners.slug, "demo"));
      await registerWebhookAsSystem(check.db, partner.id);
      await closeEmbeddedSandbox();

      setEnv("APP_URL", "http://127.0.0.1:3300"); // e.g. PORT=3300 with APP_URL unset
      const outcome = await prepareTenants(
        database.url,
        startupPlan({ argv: ["start"], databaseUrlConfigured: true, env: { WALLEX_SANDBOX_EMBEDDED: "true" } }),
      );
      expect(outcome.messages).toEqual([
        expect.stringMatching(/demo's embedded sandbox and webhook at the current APP_URL/),
      ]);
      const [after] = await check.db
        .select()
        .from(wallexConnections)
        .where(eq(wallexConnections.partnerId, partner.id));
      expect(after).toMatchObject({
        kind: "embedded_sandbox",
        baseUrl: embeddedSandboxBaseUrl("http://127.0.0.1:3300"),
      });

      const client = await wallexClientFor(check.db, mintJobScope(partner.id, "test"));
      expect((await client.webhooks.retrieve()).url).toBe(webhookUrlFor(partner.id));
      expect(webhookUrlFor(partner.id)).toMatch(/^http:\/\/127\.0\.0\.1:3300\//);

      // A row still naming the old address (changed APP_URL, no restart yet) reaches the sandbox too.
      await check.db
        .update(wallexConnections)
        .set({ baseUrl: "http://localhost:3000/api/wallex-sandbox", secretsOrigin: "http://localhost:3000" })
        .where(eq(wallexConnections.partnerId, partner.id));
      const stale = await wallexClientFor(check.db, mintJobScope(partner.id, "test"));
      expect((await stale.webhooks.retrieve()).url).toBe(webhookUrlFor(partner.id));
      await closeEmbeddedSandbox();
    } finally {
      setEnv("APP_URL", "http://localhost:3000");
      await check.pool.end();
    }
  }, 30_000);
});
