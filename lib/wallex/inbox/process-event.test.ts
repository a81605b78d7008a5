import { and, eq } from "drizzle-orm";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import {
  wallexApiCalls,
  wallexBalances,
  wallexPayments,
  wallexTimeline,
  wallexUsers,
  webhookEvents,
} from "@/db/schema";
import {
  approvedMember,
  connectedPartner,
  deliverToRoute,
  SG_BENEFICIARY,
  startTestSandbox,
  type TestSandbox,
} from "@/lib/testing/wallex";
import { WEBHOOK_SECRET_HEADER, webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { processWebhookEvent, sweepInbox } from "./process-event";

const db = getDb();
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

const events = (partnerId: string) =>
  db.select().from(webhookEvents).where(eq(webhookEvents.partnerId, partnerId)).orderBy(webhookEvents.receivedAt);
const calls = async (partnerId: string) =>
  (await db.select().from(wallexApiCalls).where(eq(wallexApiCalls.partnerId, partnerId))).length;
const mirroredUser = async (partnerId: string, wallexId: string) =>
  (
    await db
      .select()
      .from(wallexUsers)
      .where(and(eq(wallexUsers.partnerId, partnerId), eq(wallexUsers.wallexId, wallexId)))
  )[0];
const timeline = (partnerId: string, wallexId: string) =>
  db
    .select()
    .from(wallexTimeline)
    .where(and(eq(wallexTimeline.partnerId, partnerId), eq(wallexTimeline.wallexId, wallexId)))
    .orderBy(wallexTimeline.at);

async function processAll(scope: TenantScope) {
  for (const event of await events(scope.partnerId))
    if (event.outcome === "received") await processWebhookEvent(db, scope, event.id);
}

describe("processing the webhook inbox", () => {
  test("an event re-reads its object: the mirror, the timeline and the event's result follow Wallex", async () => {
    const { scope, client } = await connectedPartner(sandbox);
    const user = await client.users.signup({
      body: {
        email: `p-${crypto.randomUUID().slice(0, 8)}@example.com`,
        firstName: "Bo",
        lastName: "Tan",
        countryCode: "SG",
        accountType: "individual",
      },
    });
    await sandbox.sandbox.control.decideUser(user.id, "pending_approval");
    await sandbox.sandbox.control.settle();
    await processAll(scope);
    expect((await mirroredUser(scope.partnerId, user.id)).status).toBe("pending_approval");

    await sandbox.sandbox.control.decideUser(user.id, "approved");
    await sandbox.sandbox.control.settle();
    await processAll(scope);

    const row = await mirroredUser(scope.partnerId, user.id);
    expect(row).toMatchObject({
      status: "approved",
      previousStatus: "pending_approval",
      accountId: user.accountId,
      reference: user.email,
    });
    expect((await timeline(scope.partnerId, user.id)).map((t) => [t.previousStatus, t.status, t.source])).toEqual([
      [null, "pending_approval", "webhook"],
      ["pending_approval", "approved", "webhook"],
    ]);
    const processed = await events(scope.partnerId);
    expect(processed.map((e) => [e.outcome, e.result])).toEqual([
      ["processed", "member new → pending_approval"],
      ["processed", "member pending_approval → approved"],
    ]);
  });

  test("duplicates cost nothing and out-of-order deliveries end in the current truth", async () => {
    const { scope, client } = await connectedPartner(sandbox);
    const member = await approvedMember(sandbox, client);
    await sandbox.sandbox.control.settle();
    await processAll(scope);
    const entries = (await timeline(scope.partnerId, member.userId)).length;

    // Wallex delivers the same notification twice, then a stale one that says "pending_approval".
    await sandbox.sandbox.control.webhookFault("duplicate", 1);
    await sandbox.sandbox.control.emitWebhook({
      resource: "user",
      resourceId: member.userId,
      status: "approved",
      accountId: member.accountId,
    });
    await sandbox.sandbox.control.settle();
    const before = await calls(scope.partnerId);
    await processAll(scope);
    expect(await calls(scope.partnerId)).toBe(before + 1); // the second copy finds the mirror read after it arrived

    await new Promise((r) => setTimeout(r, 5));
    await sandbox.sandbox.control.emitWebhook({
      resource: "user",
      resourceId: member.userId,
      status: "pending_approval",
      accountId: member.accountId,
    });
    await sandbox.sandbox.control.settle();
    await processAll(scope);

    expect((await mirroredUser(scope.partnerId, member.userId)).status).toBe("approved");
    expect(await timeline(scope.partnerId, member.userId)).toHaveLength(entries);
    const last = (await events(scope.partnerId)).at(-1)!;
    expect(last).toMatchObject({ outcome: "processed", result: "no change: member is approved" });
  });

  test("a payment's status change also refreshes the member's balances", async () => {
    const { scope, client } = await connectedPartner(sandbox);
    const member = await approvedMember(sandbox, client);
    const onBehalfOf = { account: member.accountId };
    const beneficiary = await client.beneficiaries.create({ body: SG_BENEFICIARY }, { onBehalfOf });
    const quote = await client.payments.quote(
      { body: { sellCurrency: "SGD", amount: "250.00", beneficiaryId: beneficiary.id } },
      { onBehalfOf },
    );
    const payment = await client.payments.create(
      { body: { quoteId: quote.quoteId, purposeOfTransfer: "rent", fundingSource: "wallet" } },
      { onBehalfOf },
    );
    await client.payments.fund({ simplePaymentId: payment.id }, { onBehalfOf });
    await sandbox.sandbox.control.advancePayment(payment.id);
    await sandbox.sandbox.control.settle();
    await processAll(scope);

    const [mirrored] = await db.select().from(wallexPayments).where(eq(wallexPayments.wallexId, payment.id));
    expect(mirrored).toMatchObject({ partnerId: scope.partnerId, accountId: member.accountId, currency: "SGD" });
    expect(mirrored.status).toBe(
      (await client.payments.retrieve({ simplePaymentId: payment.id }, { onBehalfOf })).status,
    );
    const [balance] = await db
      .select()
      .from(wallexBalances)
      .where(
        and(
          eq(wallexBalances.partnerId, scope.partnerId),
          eq(wallexBalances.accountId, member.accountId),
          eq(wallexBalances.currency, "SGD"),
        ),
      );
    expect(balance.amount).toBe((await client.balances.retrieveByCurrency({ currency: "SGD" }, { onBehalfOf })).amount);
  });

  test("events for objects Wallex does not know, or resources we do not mirror, end processed and change nothing", async () => {
    const { scope } = await connectedPartner(sandbox);
    for (const body of [
      { resource: "simple_payment", resourceId: crypto.randomUUID(), status: "completed" },
      { resource: "internal_transfer", resourceId: crypto.randomUUID(), status: "completed" },
    ]) {
      await sandbox.sandbox.control.emitWebhook(body);
    }
    await sandbox.sandbox.control.settle();
    await processAll(scope);
    // The sandbox delivers the two at once: they may arrive in either order.
    const byResource = (await events(scope.partnerId)).map((e) => [e.resource, e.outcome, e.result]).sort();
    expect(byResource).toEqual([
      ["internal_transfer", "processed", 'ignored: we do not mirror "internal_transfer"'],
      ["simple_payment", "processed", "ignored: Wallex has no such payment"],
    ]);
  });

  test("forged deliveries are never processed; the sweep picks up events whose job was lost", async () => {
    const { scope, client } = await connectedPartner(sandbox);
    const forged = await deliverToRoute(webhookUrlFor(scope.partnerId), {
      method: "POST",
      headers: { [WEBHOOK_SECRET_HEADER]: "guess" },
      body: JSON.stringify({ resource: "user", resourceId: crypto.randomUUID(), status: "approved" }),
    });
    expect(forged.status).toBe(401);
    const [rejected] = await events(scope.partnerId);
    expect(await processWebhookEvent(db, scope, rejected.id)).toMatchObject({ outcome: "skipped" });

    const member = await approvedMember(sandbox, client);
    await sandbox.sandbox.control.settle();
    const result = await sweepInbox(db, { olderThanMs: 0, scope });
    expect(result.processed).toBeGreaterThanOrEqual(2);
    expect((await mirroredUser(scope.partnerId, member.userId)).status).toBe("approved");
    expect((await events(scope.partnerId)).filter((e) => e.outcome === "received")).toHaveLength(0);
  });
});
