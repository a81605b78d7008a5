import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { inject } from "vitest";
import { getDb } from "@/db";
import { partners, staffMemberships, wallexConnections } from "@/db/schema";
import { demoWallexCredentials } from "@/lib/wallex/demo";
import { DEMO_PARTNER_SLUG, seedDemoData } from "./seed-demo";

test("seeds the demo partner once, with one user per role and an encrypted sandbox connection", async () => {
  const url = inject("databaseUrl");
  const first = await seedDemoData(url);
  const second = await seedDemoData(url);
  expect([first, second].filter(Boolean)).toHaveLength(1);

  const db = getDb();
  const [partner] = await db.select().from(partners).where(eq(partners.slug, DEMO_PARTNER_SLUG));
  const roles = await db.select({ role: staffMemberships.role }).from(staffMemberships).where(eq(staffMemberships.partnerId, partner.id));
  expect(roles.map((r) => r.role).sort()).toEqual(["admin", "compliance", "operator", "viewer"]);
  const [connection] = await db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partner.id));
  expect(connection.baseUrl).toMatch(/\/api\/wallex-sandbox$/);
  expect(connection.apiKey).not.toContain(demoWallexCredentials({}).apiKey);
  expect(connection.apiKeyLast4).toBe(demoWallexCredentials({}).apiKey.slice(-4));
});
