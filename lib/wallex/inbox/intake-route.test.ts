import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { wallexConnections, webhookEvents } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import {
  connectedPartner,
  deliverToRoute,
  registerWebhookAsSystem,
  startTestSandbox,
  type TestSandbox,
} from "@/lib/testing/wallex";
import { WEBHOOK_SECRET_HEADER, webhookUrlFor } from "./intake-address";

const db = getDb();
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

const connectedAdmin = async () => (await connectedPartner(sandbox, { register: false })).scope;

/** The intake route as Wallex reaches it: who may deliver, and what a refusal leaves behind. */
describe("webhook intake route", () => {
  test("a forged or missing secret gets a 401 and is kept as rejected", async () => {
    const scope = await connectedAdmin();
    await registerWebhookAsSystem(db, scope.partnerId);
    const body = JSON.stringify({ resource: "simple_payment", resourceId: crypto.randomUUID(), status: "completed" });
    for (const headers of [{ [WEBHOOK_SECRET_HEADER]: "forged" }, {}] as Record<string, string>[]) {
      const response = await deliverToRoute(webhookUrlFor(scope.partnerId), { method: "POST", body, headers });
      expect(response.status).toBe(401);
    }
    const rejected = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.partnerId, scope.partnerId), eq(webhookEvents.outcome, "rejected")));
    expect(rejected).toHaveLength(2);
    expect(rejected.every((e) => e.resourceId === null)).toBe(true);
  });

  test("a secret rotated by another instance is accepted at once, and the old one refused", async () => {
    const scope = await connectedAdmin();
    await registerWebhookAsSystem(db, scope.partnerId);
    const post = (secret: string) =>
      deliverToRoute(webhookUrlFor(scope.partnerId), {
        method: "POST",
        headers: { [WEBHOOK_SECRET_HEADER]: secret },
        body: JSON.stringify({ resource: "user", resourceId: crypto.randomUUID(), status: "approved" }),
      });
    const [before] = await db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, scope.partnerId));
    const oldSecret = decryptSecret(before.webhookSecret!);
    expect((await post(oldSecret)).status).toBe(200); // now cached in this process

    // Another instance rotates: only the database knows the new secret.
    await db
      .update(wallexConnections)
      .set({ webhookSecret: encryptSecret("rotated-elsewhere") })
      .where(eq(wallexConnections.partnerId, scope.partnerId));
    expect((await post("rotated-elsewhere")).status).toBe(200);
    expect((await post(oldSecret)).status).toBe(401);
  });

  test("unknown partners and malformed ids get a 404 and store nothing", async () => {
    for (const id of ["not-a-uuid", crypto.randomUUID()]) {
      const response = await deliverToRoute(`http://localhost/api/webhooks/wallex/${id}`, {
        method: "POST",
        body: "{}",
      });
      expect(response.status).toBe(404);
    }
  });
});
