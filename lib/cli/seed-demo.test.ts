import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { inject } from "vitest";
import { createDatabase, getDb } from "@/db";
import {
  partners,
  staffMemberships,
  wallexBalances,
  wallexConnections,
  wallexConversions,
  wallexPayments,
  wallexUsers,
  type MirrorTable,
} from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { setEnv } from "@/lib/env";
import { closeEmbeddedSandbox, getEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { DEMO_PARTNER_CREDENTIALS } from "@/lib/wallex/sandbox";
import { DEMO_PARTNER_SLUG, seedDemoData } from "./seed-demo";
import { seedDemoActivity } from "./seed-demo-activity";

beforeAll(() => setEnv("WALLEX_SANDBOX_EMBEDDED", "true"));

test("seeds the demo partner once, with one user per role and a sandbox identity of its own", async () => {
  const url = inject("databaseUrl");
  const first = await seedDemoData(url);
  const second = await seedDemoData(url);
  await closeEmbeddedSandbox();
  expect([first, second].filter(Boolean)).toHaveLength(1);

  const db = getDb();
  const [partner] = await db.select().from(partners).where(eq(partners.slug, DEMO_PARTNER_SLUG));
  const roles = await db
    .select({ role: staffMemberships.role })
    .from(staffMemberships)
    .where(eq(staffMemberships.partnerId, partner.id));
  expect(roles.map((r) => r.role).sort()).toEqual(["admin", "compliance", "operator", "viewer"]);
  const [connection] = await db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partner.id));
  expect(connection.baseUrl).toMatch(/\/api\/wallex-sandbox$/);
  expect(connection.kind).toBe("embedded_sandbox");
  const apiKey = decryptSecret(connection.apiKey);
  expect(connection.apiKey).not.toContain(apiKey);
  expect(apiKey).not.toBe(DEMO_PARTNER_CREDENTIALS.apiKey);
  expect(connection.apiKeyLast4).toBe(apiKey.slice(-4));
  // The identity was kept in the sandbox's store: a new instance (the web server's) knows the key.
  expect((await getEmbeddedSandbox()).control.partnerIdForKey(apiKey)).toBe(partner.id);
  await closeEmbeddedSandbox();
});

test(
  "the demo activity goes through the embedded sandbox the app's way and lands in the mirror",
  { timeout: 60_000 },
  async () => {
    await seedDemoData(inject("databaseUrl"));
    const db = getDb();
    const [partner] = await db.select().from(partners).where(eq(partners.slug, DEMO_PARTNER_SLUG));
    await seedDemoActivity(); // ends the pool: the last thing this file does with the database
    const check = createDatabase(inject("databaseUrl"));
    try {
      const of = (table: MirrorTable) => check.db.select().from(table).where(eq(table.partnerId, partner.id));
      expect((await of(wallexUsers)).map((u) => u.status).sort()).toEqual([
        "approved",
        "approved",
        "document_needs_resubmission",
        "pending_approval",
      ]);
      // The second payment moves on by itself (the sandbox's auto-progress); the other two are settled.
      const payments = (await of(wallexPayments)).map((p) => p.status);
      expect(payments).toHaveLength(3);
      expect(payments).toEqual(expect.arrayContaining(["awaiting_funds", "completed"]));
      expect((await of(wallexConversions)).map((c) => c.status)).toEqual(["completed"]);
      expect((await of(wallexBalances)).length).toBeGreaterThanOrEqual(4);
      const [connection] = await check.db
        .select()
        .from(wallexConnections)
        .where(eq(wallexConnections.partnerId, partner.id));
      expect(connection.webhookRegisteredAt).not.toBeNull();
    } finally {
      await check.pool.end();
    }
  },
);
