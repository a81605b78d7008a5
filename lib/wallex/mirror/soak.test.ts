import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { getDb } from "@/db";
import {
  wallexBalances,
  wallexConnections,
  wallexConversions,
  wallexIntents,
  wallexPayments,
  webhookEvents,
  type MirrorTable,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  approvedMember,
  connectedPartner,
  SG_BENEFICIARY,
  startTestSandbox,
  type TestSandbox,
} from "@/lib/testing/wallex";
import { mulberry32, seedFrom } from "@/lib/testing/seeded-random";
import { WallexError } from "../client/errors";
import { processWebhookEvent } from "../inbox/process-event";
import { perform, requestQuote, type OperationName } from "./operations";
import { reconcileOpen } from "./reconcile";

/**
 * The fault run: with 20% of Wallex requests failing at random (half before taking effect,
 * half after, so the answer is lost) and 20% of notifications dropped or duplicated, a run of
 * payments and conversions ends with nothing sent twice, no delivered event lost, and a mirror
 * equal to the sandbox's state.
 */
const OPERATIONS = 24;
const FAULT_RATE = 0.2;
/** Replay a run with SOAK_SEED=<seed>: the scenario and the sandbox's faults draw from it. */
const SEED = seedFrom("SOAK_SEED");
const random = mulberry32(SEED);
console.info(`soak seed ${SEED} (replay: SOAK_SEED=${SEED} npx vitest run lib/wallex/mirror/soak.test.ts)`);

const db = getDb();
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ random: mulberry32(SEED ^ 0x9e3779b9) });
});
afterAll(() => sandbox.stop());

function injectFaults() {
  sandbox.sandbox.control.failNextRequests({
    remaining: 0,
    rate: FAULT_RATE,
    status: random() < 0.5 ? 503 : 504,
    after: random() < 0.5,
  });
  sandbox.sandbox.control.webhookFaultRate(random() < 0.5 ? "drop" : "duplicate", FAULT_RATE);
}
function stopFaults() {
  sandbox.sandbox.control.failNextRequests({ remaining: 0, rate: 0 });
  sandbox.sandbox.control.webhookFaultRate("drop", 0);
}

/** What a person does after a fault: submit the same form again, until it goes through. */
async function untilDone<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= 20 || !(error instanceof AppError || error instanceof WallexError)) throw error;
      injectFaults();
    }
  }
}

test(
  `a randomized run under 20% faults ends with the mirror equal to Wallex and nothing done twice (SOAK_SEED=${SEED})`,
  { timeout: 120_000 },
  async () => {
    const { scope, client } = await connectedPartner(sandbox);
    await db
      .update(wallexConnections)
      .set({ requestsPerSecond: 50 })
      .where(eq(wallexConnections.partnerId, scope.partnerId));
    const members = [await approvedMember(sandbox, client), await approvedMember(sandbox, client)];
    const beneficiaries = await Promise.all(
      members.map((m) =>
        client.beneficiaries.create({ body: SG_BENEFICIARY }, { onBehalfOf: { account: m.accountId } }),
      ),
    );

    injectFaults();
    const run = (
      name: OperationName,
      input: Record<string, unknown>,
      accountId: string,
      idempotencyKey = crypto.randomUUID(),
    ) => untilDone(() => perform(db, client, scope, name, { idempotencyKey, input, accountId }));
    for (let i = 0; i < OPERATIONS; i++) {
      const index = Math.floor(random() * members.length);
      const { accountId } = members[index];
      const amount = (10 + Math.floor(random() * 9000) / 100).toFixed(2);
      if (random() < 0.6) {
        const quote = await untilDone(() =>
          requestQuote(
            db,
            client,
            scope,
            "payment",
            { sellCurrency: "SGD", amount, beneficiaryId: beneficiaries[index].id },
            accountId,
          ),
        );
        const { wallexId } = await run(
          "createPayment",
          { quoteId: String(quote.quoteId), purposeOfTransfer: "rent", fundingSource: "wallet" },
          accountId,
        );
        if (random() < 0.8) await run("fundPayment", { paymentId: wallexId }, accountId, `fund:${wallexId}`);
      } else {
        const quote = await untilDone(() =>
          requestQuote(db, client, scope, "conversion", { sellCurrency: "SGD", buyCurrency: "USD", amount }, accountId),
        );
        const { wallexId } = await run("createConversion", { quoteId: String(quote.quoteId) }, accountId);
        await run("fundConversion", { conversionId: wallexId }, accountId, `fund:${wallexId}`);
      }
    }
    // Wallex moves things on; its notifications meet the same faults.
    const control = sandbox.sandbox.control;
    for (const { accountId } of members) {
      const onBehalfOf = { account: accountId };
      stopFaults();
      const payments = (await client.payments.list({ query: { limit: 100 } }, { onBehalfOf })).data;
      const conversions = (await client.conversions.list({ query: { limit: 100 } }, { onBehalfOf })).data;
      injectFaults();
      for (const p of payments.filter((p) => p.status === "under_review"))
        await control.advancePayment(p.id, random() < 0.2 ? "rejected" : "processing");
      for (const c of conversions.filter((c) => c.status === "processing")) await control.advanceConversion(c.id);
    }
    await control.settle();

    // The worker's part: the inbox, then the reconcile pass that catches what was dropped.
    stopFaults();
    const inbox = await db.select().from(webhookEvents).where(eq(webhookEvents.partnerId, scope.partnerId));
    for (const event of inbox) await processWebhookEvent(db, scope, event.id).catch(() => undefined);
    await reconcileOpen(db, scope);

    // No delivered notification is missing from the inbox.
    const delivered = control.deliveries().filter((d) => d.status === "delivered");
    const received = await db.select().from(webhookEvents).where(eq(webhookEvents.partnerId, scope.partnerId));
    expect(received.length).toBe(delivered.length);
    expect(received.filter((e) => e.outcome !== "processed")).toEqual([]);

    for (const { accountId } of members) {
      const onBehalfOf = { account: accountId };
      const payments = (await client.payments.list({ query: { limit: 100 } }, { onBehalfOf })).data;
      const conversions = (await client.conversions.list({ query: { limit: 100 } }, { onBehalfOf })).data;
      const balances = (await client.balances.list({ query: { limit: 100 } }, { onBehalfOf })).data;

      // Nothing twice: every payment and conversion at Wallex belongs to exactly one succeeded intent of ours.
      for (const [kind, objects] of [
        ["payment", payments],
        ["conversion", conversions],
      ] as const) {
        const intents = await db
          .select()
          .from(wallexIntents)
          .where(
            and(
              eq(wallexIntents.partnerId, scope.partnerId),
              eq(wallexIntents.kind, kind),
              eq(wallexIntents.operation, "create"),
              eq(wallexIntents.accountId, accountId),
            ),
          );
        expect(intents.every((i) => i.state === "succeeded")).toBe(true);
        expect(objects.map((o) => o.referenceId).sort()).toEqual(intents.map((i) => i.id).sort());
      }

      // The mirror equals Wallex.
      expect(await mirrored(wallexPayments, scope.partnerId, accountId)).toEqual(statuses(payments));
      expect(await mirrored(wallexConversions, scope.partnerId, accountId)).toEqual(statuses(conversions));
      const ours = await db
        .select({ currency: wallexBalances.currency, amount: wallexBalances.amount })
        .from(wallexBalances)
        .where(and(eq(wallexBalances.partnerId, scope.partnerId), eq(wallexBalances.accountId, accountId)));
      expect(Object.fromEntries(ours.map((b) => [b.currency, Number(b.amount)]))).toEqual(
        Object.fromEntries(balances.map((b) => [b.currency, Number(b.amount)])),
      );
    }
  },
);

const statuses = (objects: { id: string; status?: string | null }[]) =>
  Object.fromEntries(objects.map((o) => [o.id, o.status]));

async function mirrored(table: MirrorTable, partnerId: string, accountId: string) {
  const rows = await db
    .select({ wallexId: table.wallexId, status: table.status })
    .from(table)
    .where(and(eq(table.partnerId, partnerId), inArray(table.accountId, [accountId])));
  return Object.fromEntries(rows.map((r) => [r.wallexId, r.status]));
}
