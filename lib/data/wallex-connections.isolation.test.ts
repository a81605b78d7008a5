import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { partners, wallexConnections, wallexTokens } from "@/db/schema";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { getPartnerOrThrow, updatePartnerProfileRow } from "./partners";
import {
  getWallexConnectionRow,
  getWallexConnectionView,
  moveEmbeddedSandboxAddress,
  saveWallexConnectionRow,
  saveWebhookRegistration,
  type ConnectionValues,
} from "./wallex-connections";

const db = getDb();
const values = (baseUrl: string, kind: ConnectionValues["kind"] = "wallex"): ConnectionValues => ({
  baseUrl,
  kind,
  secretsOrigin: new URL(baseUrl).origin,
  requestsPerSecond: 5,
  apiKey: "enc-key",
  accessKeyId: "enc-id",
  secretAccessKey: "enc-secret",
  apiKeyLast4: "1111",
  accessKeyIdLast4: "2222",
  secretAccessKeyLast4: "3333",
});
const rowOf = async (partnerId: string) =>
  (await db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partnerId)))[0];

/**
 * Each data function of the Wallex connection, aimed by partner B's scopes (staff and job) at
 * the one tenant that has a connection, A. Every check first shows A's own scope getting its row.
 */
describe("tenant isolation: the Wallex connection's data functions", () => {
  let a: Awaited<ReturnType<typeof createStaff>>;
  let b: Awaited<ReturnType<typeof createStaff>>;
  const jobOfB = () => mintJobScope(b.scope.partnerId, "isolation-test");

  beforeAll(async () => {
    a = await createStaff(await createPartner("Connection A"), "admin");
    b = await createStaff(await createPartner("Connection B"), "admin");
    await saveWallexConnectionRow(db, a.scope, values("http://localhost:3000/api/wallex-sandbox", "embedded_sandbox"));
    await db.insert(wallexTokens).values({
      partnerId: a.scope.partnerId,
      token: "a-token",
      issuedAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
    });
  });

  test("reads: A's scope sees its connection, B's scopes see none", async () => {
    expect(await getWallexConnectionRow(db, a.scope)).toMatchObject({ partnerId: a.scope.partnerId });
    expect(await getWallexConnectionView(db, a.scope)).toMatchObject({ apiKeyLast4: "1111" });
    for (const scope of [b.scope, jobOfB()]) {
      expect(await getWallexConnectionRow(db, scope)).toBeNull();
      expect(await getWallexConnectionView(db, scope)).toBeNull();
    }
  });

  test("saving with B's scope writes B's row only, and drops only B's tokens", async () => {
    await saveWallexConnectionRow(db, b.scope, values("https://b.example"));
    expect((await rowOf(b.scope.partnerId)).baseUrl).toBe("https://b.example");
    expect((await rowOf(a.scope.partnerId)).baseUrl).toBe("http://localhost:3000/api/wallex-sandbox");
    const tokensOfA = await db.select().from(wallexTokens).where(eq(wallexTokens.partnerId, a.scope.partnerId));
    expect(tokensOfA.map((t) => t.token)).toEqual(["a-token"]);
    // The positive control: A's own save replaces A's row and drops A's token.
    await saveWallexConnectionRow(db, a.scope, {
      ...values("http://localhost:3000/api/wallex-sandbox", "embedded_sandbox"),
      requestsPerSecond: 7,
    });
    expect((await rowOf(a.scope.partnerId)).requestsPerSecond).toBe(7);
    expect(await db.select().from(wallexTokens).where(eq(wallexTokens.partnerId, a.scope.partnerId))).toEqual([]);
  });

  test("the webhook secret and the sandbox address change only within the scope's tenant", async () => {
    const registration = { webhookSecret: "enc-webhook", webhookRegisteredAt: new Date() };
    expect(await saveWebhookRegistration(db, a.scope, registration)).toBe(true);
    expect((await rowOf(a.scope.partnerId)).webhookSecret).toBe("enc-webhook");
    await db.delete(wallexConnections).where(eq(wallexConnections.partnerId, b.scope.partnerId));
    expect(
      await saveWebhookRegistration(db, jobOfB(), { webhookSecret: "forged", webhookRegisteredAt: new Date() }),
    ).toBe(false);
    expect((await rowOf(a.scope.partnerId)).webhookSecret).toBe("enc-webhook");

    const moved = "http://localhost:3300/api/wallex-sandbox";
    expect(await moveEmbeddedSandboxAddress(db, jobOfB(), moved)).toBe(false);
    expect((await rowOf(a.scope.partnerId)).baseUrl).toBe("http://localhost:3000/api/wallex-sandbox");
    expect(await moveEmbeddedSandboxAddress(db, mintJobScope(a.scope.partnerId, "isolation-test"), moved)).toBe(true);
    expect((await rowOf(a.scope.partnerId)).baseUrl).toBe(moved);
  });

  test("the partner profile is renamed within the scope's tenant only", async () => {
    const profile = { name: "B Renamed", legalName: null, country: null, supportEmail: null, website: null };
    await updatePartnerProfileRow(db, b.scope, profile);
    expect((await getPartnerOrThrow(db, b.scope)).name).toBe("B Renamed");
    const [partnerA] = await db.select().from(partners).where(eq(partners.id, a.scope.partnerId));
    expect(partnerA.name).toBe("Connection A");
  });
});
