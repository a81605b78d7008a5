import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { wallexIntents, wallexPayments, wallexQuotes } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  approvedMember,
  connectedPartner,
  SG_BENEFICIARY,
  startTestSandbox,
  type TestSandbox,
} from "@/lib/testing/wallex";
import { perform, requestQuote } from "./operations";
import { resolveOpenIntents } from "./resolve-intents";

const db = getDb();
let sandbox: TestSandbox;
let setup: Awaited<ReturnType<typeof prepare>>;

async function prepare() {
  const { scope, client } = await connectedPartner(sandbox);
  const member = await approvedMember(sandbox, client);
  const beneficiary = await client.beneficiaries.create(
    { body: SG_BENEFICIARY },
    { onBehalfOf: { account: member.accountId } },
  );
  return { scope, client, member, beneficiaryId: beneficiary.id };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  setup = await prepare();
});
afterAll(() => sandbox.stop());

const key = () => crypto.randomUUID();
const lostAnswer = () => sandbox.sandbox.control.failNextRequests({ remaining: 1, status: 504, after: true });
const sandboxPayments = async () =>
  (await setup.client.payments.list({ query: { limit: 100 } }, { onBehalfOf: { account: setup.member.accountId } }))
    .data;

async function newPayment(idempotencyKey = key()) {
  const { scope, client, member, beneficiaryId } = setup;
  const quote = await requestQuote(
    db,
    client,
    scope,
    "payment",
    { sellCurrency: "SGD", amount: "120.00", beneficiaryId },
    member.accountId,
  );
  const input = { quoteId: String(quote.quoteId), purposeOfTransfer: "rent", fundingSource: "wallet" };
  return { idempotencyKey, input, accountId: member.accountId };
}

describe("money-moving calls reach Wallex at most once", () => {
  test("a quote is written through to the mirror", async () => {
    const { quoteId } = (await newPayment()).input;
    const [quote] = await db
      .select()
      .from(wallexQuotes)
      .where(and(eq(wallexQuotes.partnerId, setup.scope.partnerId), eq(wallexQuotes.wallexId, quoteId)));
    expect(quote).toMatchObject({ accountId: setup.member.accountId, currency: "SGD" });
  });

  test("a repeated submit with the same key returns the first payment and sends nothing", async () => {
    const args = await newPayment();
    const before = (await sandboxPayments()).length;
    const first = await perform(db, setup.client, setup.scope, "createPayment", args);
    const again = await perform(db, setup.client, setup.scope, "createPayment", args);
    expect(again).toEqual({ wallexId: first.wallexId, replayed: true });
    expect((await sandboxPayments()).length).toBe(before + 1);
    const [row] = await db.select().from(wallexPayments).where(eq(wallexPayments.wallexId, first.wallexId));
    expect(row).toMatchObject({
      partnerId: setup.scope.partnerId,
      status: "awaiting_funds",
      accountId: setup.member.accountId,
    });
  });

  test("concurrent submits of one key create one payment", async () => {
    const args = await newPayment();
    const before = (await sandboxPayments()).length;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => perform(db, setup.client, setup.scope, "createPayment", args)),
    );
    expect(new Set(results.map((r) => r.wallexId)).size).toBe(1);
    expect((await sandboxPayments()).length).toBe(before + 1);
  });

  test("a lost answer is resolved by reading back our reference, never by sending again", async () => {
    const args = await newPayment();
    const before = (await sandboxPayments()).length;
    await lostAnswer();
    const error = await perform(db, setup.client, setup.scope, "createPayment", args).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.userMessage).toMatch(/did not confirm/);
    const [intent] = await db.select().from(wallexIntents).where(eq(wallexIntents.idempotencyKey, args.idempotencyKey));
    expect(intent).toMatchObject({ state: "unknown", attempts: 1 });
    expect((await sandboxPayments()).length).toBe(before + 1); // it did go through

    const retried = await perform(db, setup.client, setup.scope, "createPayment", args);
    expect(retried.replayed).toBe(true);
    expect((await sandboxPayments()).length).toBe(before + 1);
    const created = (await sandboxPayments()).find((p) => p.referenceId === intent.id)!;
    expect(retried.wallexId).toBe(created.id);
  });

  test("a fund whose answer was lost is not sent again: the balance is debited once", async () => {
    const { wallexId } = await perform(db, setup.client, setup.scope, "createPayment", await newPayment());
    const onBehalfOf = { account: setup.member.accountId };
    const balance = async () =>
      Number((await setup.client.balances.retrieveByCurrency({ currency: "SGD" }, { onBehalfOf })).amount);
    const before = await balance();
    const fund = {
      idempotencyKey: `fund:${wallexId}`,
      input: { paymentId: wallexId },
      accountId: setup.member.accountId,
    };
    await lostAnswer();
    await expect(perform(db, setup.client, setup.scope, "fundPayment", fund)).rejects.toBeInstanceOf(AppError);
    const debited = before - (await balance());
    expect(debited).toBeGreaterThan(0);

    expect((await perform(db, setup.client, setup.scope, "fundPayment", fund)).replayed).toBe(true);
    expect(before - (await balance())).toBe(debited);
    const [row] = await db.select().from(wallexPayments).where(eq(wallexPayments.wallexId, wallexId));
    expect(row.status).not.toBe("awaiting_funds");
  });

  test("a refusal is final for that attempt: the intent is failed and a corrected submit is sent", async () => {
    const args = await newPayment();
    const refused = await perform(db, setup.client, setup.scope, "createPayment", {
      ...args,
      input: { ...args.input, quoteId: crypto.randomUUID() },
    }).catch((e) => e);
    expect(refused.userMessage).toBeTruthy();
    const [failed] = await db.select().from(wallexIntents).where(eq(wallexIntents.idempotencyKey, args.idempotencyKey));
    expect(failed.state).toBe("failed");

    const sent = await perform(db, setup.client, setup.scope, "createPayment", args);
    expect(sent.replayed).toBe(false);
  });

  test("the reconcile job resolves an unknown outcome nobody retried", async () => {
    const args = await newPayment();
    await lostAnswer();
    await perform(db, setup.client, setup.scope, "createPayment", args).catch(() => undefined);
    const inAMinute = new Date(Date.now() + 61_000);
    expect(await resolveOpenIntents(db, setup.client, setup.scope, inAMinute)).toEqual({
      open: 1,
      resolved: 1,
    });
    const [intent] = await db.select().from(wallexIntents).where(eq(wallexIntents.idempotencyKey, args.idempotencyKey));
    expect(intent.state).toBe("succeeded");
    const [row] = await db.select().from(wallexPayments).where(eq(wallexPayments.wallexId, intent.wallexId!));
    expect(row.reference).toBe(intent.id);
  });

  test("beneficiaries and transfers, which carry no reference of ours, are matched by content", async () => {
    const { scope, client, member } = setup;
    const beneficiary = {
      idempotencyKey: key(),
      input: { ...SG_BENEFICIARY, bankAccount: { ...SG_BENEFICIARY.bankAccount, accountNumber: "5550001111" } },
      accountId: member.accountId,
    };
    await lostAnswer();
    await expect(perform(db, client, scope, "createBeneficiary", beneficiary)).rejects.toBeInstanceOf(AppError);
    const found = await perform(db, client, scope, "createBeneficiary", beneficiary);
    expect(found.replayed).toBe(true);
    const list = (
      await client.beneficiaries.list({ query: { limit: 100 } }, { onBehalfOf: { account: member.accountId } })
    ).data;
    expect(list.filter((b) => b.bankAccount?.accountNumber === "5550001111")).toHaveLength(1);

    const other = await approvedMember(sandbox, client);
    const transfer = {
      idempotencyKey: key(),
      input: {
        receiverAccountId: other.accountId,
        amount: "15.00",
        currency: "SGD",
        purposesOfTransfer: "family_support",
      },
      accountId: member.accountId,
    };
    await lostAnswer();
    await expect(perform(db, client, scope, "createTransfer", transfer)).rejects.toBeInstanceOf(AppError);
    expect((await perform(db, client, scope, "createTransfer", transfer)).replayed).toBe(true);
    const transfers = (
      await client.transfers.list({ query: { limit: 100 } }, { onBehalfOf: { account: member.accountId } })
    ).data;
    expect(transfers.filter((t) => t.receiverAccountId === other.accountId)).toHaveLength(1);
  });
});
