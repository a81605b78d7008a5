import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { wallexConnections, webhookEvents } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { WEBHOOK_SECRET_HEADER, webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import {
  approvedMember,
  connectedPartner,
  deliverToRoute,
  SG_BENEFICIARY,
  startTestSandbox,
  type TestSandbox,
} from "@/lib/testing/wallex";
import { claimWaitingObjects, finishClaimedObject } from "@/lib/data/webhook-claims";
import { drainPartner } from "./drain";
import { startInboxDrainer } from "./drainer";
import { sweepInbox } from "./process-event";

const db = getDb();
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

const inbox = (partnerId: string) =>
  db.select().from(webhookEvents).where(eq(webhookEvents.partnerId, partnerId)).orderBy(webhookEvents.receivedAt);
const control = () => sandbox.sandbox.control;
/** What reached the sandbox from now on. */
function requestsFromNow() {
  const seen = new Set(
    control()
      .requests()
      .map((r) => r.id),
  );
  return () =>
    control()
      .requests()
      .filter((r) => !seen.has(r.id));
}

async function secretOf(partnerId: string) {
  const [connection] = await db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partnerId));
  return decryptSecret(connection.webhookSecret!);
}
async function notify(partnerId: string, body: Record<string, unknown>) {
  const response = await deliverToRoute(webhookUrlFor(partnerId), {
    method: "POST",
    headers: { [WEBHOOK_SECRET_HEADER]: await secretOf(partnerId) },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function memberWithTwoPayments() {
  const { scope, client } = await connectedPartner(sandbox);
  const member = await approvedMember(sandbox, client);
  const onBehalfOf = { account: member.accountId };
  const beneficiary = await client.beneficiaries.create({ body: SG_BENEFICIARY }, { onBehalfOf });
  const payments = [];
  for (const amount of ["120.00", "80.00"]) {
    const quote = await client.payments.quote(
      { body: { sellCurrency: "SGD", amount, beneficiaryId: beneficiary.id } },
      { onBehalfOf },
    );
    const payment = await client.payments.create(
      { body: { quoteId: quote.quoteId, purposeOfTransfer: "rent", fundingSource: "wallet" } },
      { onBehalfOf },
    );
    await client.payments.fund({ simplePaymentId: payment.id }, { onBehalfOf });
    payments.push(payment);
  }
  await control().settle();
  await drainPartner(db, scope); // what signing up and paying notified so far
  return { scope, partnerId: scope.partnerId, member, payments };
}

describe("draining the inbox", () => {
  test("20 notifications about 2 payments cost 2 reads, finish all 20, and re-read the member's balances once", async () => {
    const { scope, partnerId, member, payments } = await memberWithTwoPayments();
    const before = new Set((await inbox(partnerId)).map((e) => e.id));
    for (const payment of payments) {
      await control().advancePayment(payment.id, "processing");
      for (let i = 0; i < 9; i++)
        await control().emitWebhook({
          resource: "simple_payment",
          resourceId: payment.id,
          status: "processing",
          accountId: member.accountId,
        });
    }
    await control().settle();
    const burst = (await inbox(partnerId)).filter((e) => !before.has(e.id));
    expect(burst).toHaveLength(20);
    expect(burst.every((e) => e.outcome === "received")).toBe(true);

    const sent = requestsFromNow();
    const result = await drainPartner(db, scope);

    const reads = sent().filter(
      (r) => r.method === "GET" && payments.some((p) => r.path.endsWith(`/payments/${p.id}`)),
    );
    expect(reads).toHaveLength(2);
    expect(sent().filter((r) => r.method === "GET" && r.path === "/v2/balances")).toHaveLength(1);
    expect(result).toMatchObject({ objects: 2, events: 20, failed: 0, balancesRefreshed: 1 });
    const finished = await db
      .select()
      .from(webhookEvents)
      .where(
        inArray(
          webhookEvents.id,
          burst.map((e) => e.id),
        ),
      );
    expect(finished.every((e) => e.outcome === "processed")).toBe(true);
    expect(new Set(finished.map((e) => e.result))).toEqual(new Set(["payment under_review → processing"]));
  });

  test("an event that arrives after its object's read started waits for a read of its own", async () => {
    const { scope, partnerId, member, payments } = await memberWithTwoPayments();
    await control().advancePayment(payments[0].id, "processing");
    await control().settle();
    const [claim] = await claimWaitingObjects(db, scope);
    const readStartedAt = new Date();
    await new Promise((r) => setTimeout(r, 10));
    await notify(partnerId, {
      resource: "simple_payment",
      resourceId: payments[0].id,
      status: "processing",
      accountId: member.accountId,
    });

    await finishClaimedObject(db, scope, claim, "answered by the first read", readStartedAt);
    const late = (await inbox(partnerId)).at(-1)!;
    expect(late.outcome).toBe("received");
    await drainPartner(db, scope);
    expect((await db.select().from(webhookEvents).where(eq(webhookEvents.id, late.id)))[0].outcome).toBe("processed");
  });

  test("a failed read leaves the events failed and due again later; the next drain finishes them", async () => {
    const { scope, partnerId, member, payments } = await memberWithTwoPayments();
    await control().advancePayment(payments[1].id, "processing");
    await control().settle();
    control().failNextRequests({ remaining: 50, status: 503 });
    const first = await drainPartner(db, scope).finally(() => control().failNextRequests({ remaining: 0 }));
    expect(first.failed).toBe(1);
    const [failed] = (await inbox(partnerId)).filter(
      (e) => e.resourceId === payments[1].id && e.outcome !== "processed",
    );
    expect(failed).toMatchObject({ outcome: "failed", attempts: 1 });
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await drainPartner(db, scope)).objects).toBe(0); // not due yet

    await db
      .update(webhookEvents)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(webhookEvents.id, failed.id));
    await drainPartner(db, scope);
    const [retried] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, failed.id));
    expect(retried).toMatchObject({ outcome: "processed", attempts: 2, result: "payment under_review → processing" });
    expect(member.accountId).toBeTruthy();
  });

  test(
    "with a backlog for partner A, partner B's event is processed at once, while A's still drain",
    { timeout: 60_000 },
    async () => {
      const aScope = (await connectedPartner(sandbox)).scope;
      const a = aScope.partnerId;
      const b = (await connectedPartner(sandbox)).scope.partnerId;
      await db.update(wallexConnections).set({ requestsPerSecond: 4 }).where(eq(wallexConnections.partnerId, a));
      // 24 objects Wallex does not know: one read each, at least 5 s at A's rate of 4 a second.
      for (let i = 0; i < 24; i++)
        await notify(a, { resource: "simple_payment", resourceId: crypto.randomUUID(), status: "completed" });

      const drainer = startInboxDrainer(db, { partnerIds: [a, b], pollMs: 100 });
      try {
        await expect
          .poll(async () => (await inbox(a)).some((e) => e.outcome === "processed"), { timeout: 10_000 })
          .toBe(true);
        await notify(b, { resource: "simple_payment", resourceId: crypto.randomUUID(), status: "completed" });
        await expect.poll(async () => (await inbox(b))[0].outcome, { timeout: 10_000, interval: 50 }).toBe("processed");
        // Judged by the inbox, not the wall clock: B was done while A's backlog was still waiting.
        const aWaiting = (await inbox(a)).filter((e) => e.outcome === "received").length;
        expect(aWaiting).toBeGreaterThan(0);
        // The minute sweep leaves a partner the drainer is working on to it.
        expect(await sweepInbox(db, { olderThanMs: 0, scope: aScope })).toMatchObject({ partners: 0 });

        await expect
          .poll(async () => (await inbox(a)).filter((e) => e.outcome === "processed").length, {
            timeout: 30_000,
            interval: 200,
          })
          .toBe(24);
      } finally {
        await drainer.stop();
      }
      const [bEvent] = await inbox(b);
      expect(bEvent.result).toBe("ignored: Wallex has no such payment");
      expect(
        await db
          .select()
          .from(webhookEvents)
          .where(and(eq(webhookEvents.partnerId, a), eq(webhookEvents.outcome, "received"))),
      ).toHaveLength(0);
    },
  );
});
