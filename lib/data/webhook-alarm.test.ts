import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { wallexApiCalls, wallexConnections, webhookEvents } from "@/db/schema";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { connectedPartner, startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";
import { ALARM_GRACE_MS, getWebhookAlarm } from "./webhook-alarm";

const db = getDb();
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ webhookFetch: async () => new Response("down", { status: 503 }) });
});
afterAll(() => sandbox.stop());

const fundCall = (partnerId: string, createdAt: Date) => ({
  partnerId,
  operation: "payments.fund",
  method: "POST",
  pathTemplate: "/v2/payments/{simplePaymentId}/fund",
  path: "/v2/payments/x/fund",
  status: 200,
  durationMs: 40,
  requestId: crypto.randomUUID(),
  attempt: 1,
  createdAt,
});

describe("the webhook alarm", () => {
  test("is raised when calls that notify went unanswered past the grace period, and cleared by an event", async () => {
    const { scope } = await connectedPartner(sandbox);
    const now = new Date();
    expect((await getWebhookAlarm(db, scope, now)).stalled).toBe(false);
    const old = new Date(now.getTime() - ALARM_GRACE_MS - 60_000);
    await db.insert(wallexApiCalls).values(fundCall(scope.partnerId, old));
    // Registered after that call: nothing was owed yet.
    expect((await getWebhookAlarm(db, scope, now)).stalled).toBe(false);
    await db
      .update(wallexConnections)
      .set({ webhookRegisteredAt: new Date(old.getTime() - 60_000) })
      .where(eq(wallexConnections.partnerId, scope.partnerId));
    expect(await getWebhookAlarm(db, scope, now)).toEqual({ stalled: true, unanswered: 1, lastEventAt: null });

    // A rejected (forged) delivery is no answer; an authentic one after the call is.
    await db.insert(webhookEvents).values({
      partnerId: scope.partnerId,
      rawBody: "{}",
      outcome: "rejected",
      receivedAt: new Date(old.getTime() + 500),
    });
    expect((await getWebhookAlarm(db, scope, now)).stalled).toBe(true);
    const answeredAt = new Date(old.getTime() + 1000);
    await db
      .insert(webhookEvents)
      .values({ partnerId: scope.partnerId, rawBody: "{}", outcome: "processed", receivedAt: answeredAt });
    expect(await getWebhookAlarm(db, scope, now)).toEqual({ stalled: false, unanswered: 0, lastEventAt: answeredAt });
  });

  test("counts only calls still within the grace period as not yet owed", async () => {
    const { scope } = await connectedPartner(sandbox);
    const now = new Date();
    await db
      .update(wallexConnections)
      .set({ webhookRegisteredAt: new Date(now.getTime() - 2 * ALARM_GRACE_MS) })
      .where(eq(wallexConnections.partnerId, scope.partnerId));
    await db.insert(wallexApiCalls).values(fundCall(scope.partnerId, new Date(now.getTime() - ALARM_GRACE_MS / 2)));
    expect((await getWebhookAlarm(db, scope, now)).stalled).toBe(false);
  });

  test("is the partner's own: another partner's unanswered calls raise only theirs", async () => {
    const a = await connectedPartner(sandbox);
    const b = await connectedPartner(sandbox);
    const now = new Date();
    const old = new Date(now.getTime() - ALARM_GRACE_MS - 60_000);
    for (const { scope } of [a, b])
      await db
        .update(wallexConnections)
        .set({ webhookRegisteredAt: new Date(old.getTime() - 60_000) })
        .where(eq(wallexConnections.partnerId, scope.partnerId));
    await db.insert(wallexApiCalls).values(fundCall(a.scope.partnerId, old));
    // A sees its own call (through a job's scope too) before B is shown to see nothing.
    expect(await getWebhookAlarm(db, a.scope, now)).toMatchObject({ stalled: true, unanswered: 1 });
    expect(await getWebhookAlarm(db, mintJobScope(a.scope.partnerId, "test"), now)).toMatchObject({ unanswered: 1 });
    expect(await getWebhookAlarm(db, b.scope, now)).toEqual({ stalled: false, unanswered: 0, lastEventAt: null });
  });
});
