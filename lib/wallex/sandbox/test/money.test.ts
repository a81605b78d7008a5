import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedMember, startSandbox, type Harness } from "./harness";

describe("currencies, balances, funding, deductions, transfers, conversions", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.stop());

  it("lists currencies and serves a deterministic rate with drift and spread", async () => {
    const list = await h.api.get("/v2/currencies");
    expect(list.body.data.find((c: { code: string }) => c.code === "SGD")).toMatchObject({
      decimals: 2,
      canHold: true,
    });
    expect(list.body.data.find((c: { code: string }) => c.code === "INR")).toMatchObject({
      canHold: false,
      canPay: true,
    });
    const a = (await h.api.get("/v2/currencies/rates?sellCurrency=USD&buyCurrency=SGD")).body;
    expect(a).toMatchObject({ currencyPair: "USDSGD", sellCurrency: "USD", buyCurrency: "SGD" });
    expect(a.rate).toBeLessThan(a.midRate);
    expect(Math.abs(a.midRate / 1.342 - 1)).toBeLessThan(0.002);
    expect((await h.api.get("/v2/rates?sellCurrency=USD&buyCurrency=SGD")).body.rate).toBe(a.rate);
    await h.control.advance(60_000);
    const b = (await h.api.get("/v2/currencies/rates?sellCurrency=USD&buyCurrency=SGD")).body;
    expect(b.rate).not.toBe(a.rate);
    expect(
      (await h.api.get("/v2/currencies/rates?sellCurrency=USD&buyCurrency=XYZ")).body.errors[0].message.buyCurrency,
    ).toBeDefined();
    expect((await h.api.get("/v2/currencies/rates?buyCurrency=SGD")).status).toBe(400);
  });

  it("credits fundings, debits deductions and keeps the history with running balances", async () => {
    const f = await h.api.post("/_sandbox/balances/top-up", { currency: "USD", amount: 1000.5 });
    expect(f.body).toMatchObject({ status: "completed", amount: 1000.5, currency: "USD", type: "bank_transfer" });
    const d = await h.api.post("/_sandbox/deductions", { currency: "USD", amount: 0.5, description: "monthly fee" });
    expect(d.body).toMatchObject({ status: "completed", amount: 0.5 });
    expect((await h.api.post("/_sandbox/deductions", { currency: "USD", amount: 5000 })).status).toBe(400);
    expect((await h.api.post("/_sandbox/balances/top-up", { currency: "USD", amount: 1.234 })).body.message).toMatch(
      /decimal places/,
    );
    expect((await h.api.post("/_sandbox/balances/top-up", { currency: "USD", amount: -1 })).status).toBe(400);
    expect((await h.api.post("/_sandbox/balances/top-up", { currency: "USD", amount: "1e3" })).status).toBe(400);

    const bal = (await h.api.get("/v2/balances/USD")).body;
    expect(bal).toMatchObject({ currency: "USD", amount: 1000, currencyName: "US Dollar" });
    expect((await h.api.get(`/v2/balances/${bal.id}`)).body.amount).toBe(1000);
    expect((await h.api.get(`/v2/balances/id/${bal.id}`)).body.id).toBe(bal.id);
    expect((await h.api.get("/v2/balances/currency/USD")).body.id).toBe(bal.id);
    expect((await h.api.get("/balances/v1/item/USD")).body.data.id).toBe(bal.id);
    expect((await h.api.get("/v2/balances/EUR")).status).toBe(404);
    expect((await h.api.get("/v2/balances/XYZ")).status).toBe(400);

    const hist = (await h.api.get("/v2/balances/history?currency=USD")).body.data;
    expect(hist.map((e: { type: string }) => e.type)).toEqual(["deduction", "funding"]);
    expect(hist[0]).toMatchObject({ direction: "debit", amount: 0.5, balanceBefore: 1000.5, balanceAfter: 1000 });

    expect((await h.api.get(`/v2/funding/${f.body.id}`)).body.id).toBe(f.body.id);
    expect((await h.api.get("/v2/fundings")).body.data).toHaveLength(1);
    expect((await h.api.get(`/v2/deductions/${d.body.id}`)).body.reason).toBe("monthly fee");
    expect((await h.api.get("/v2/deductions")).body.pagination.total).toBe(1);
    expect((await h.api.get(`/v2/funding/${crypto.randomUUID()}`)).status).toBe(404);

    const pending = await h.api.post("/_sandbox/balances/top-up", { currency: "USD", amount: 10, pending: true });
    expect(pending.body.status).toBe("pending");
    expect((await h.api.get("/v2/balances/USD")).body.amount).toBe(1000);
    expect(
      (await h.api.post(`/_sandbox/fundings/${pending.body.id}/settle`, { status: "completed" })).body.status,
    ).toBe("completed");
    expect((await h.api.get("/v2/balances/USD")).body.amount).toBe(1010);
    expect((await h.api.post(`/_sandbox/fundings/${pending.body.id}/settle`, { status: "failed" })).status).toBe(400);
    const unmatched = await h.api.post("/_sandbox/balances/top-up", { currency: "USD", amount: 10, pending: true });
    const failed = await h.api.post(`/_sandbox/fundings/${unmatched.body.id}/settle`, { status: "rejected" });
    expect(failed.body).toMatchObject({ status: "rejected", failureReason: "unmatched_reference" });
    expect((await h.api.get("/v2/balances/USD")).body.amount).toBe(1010);
    expect((await h.api.get("/v2/funding?status=pending")).body.data).toEqual([]);
  });

  it("moves money between members of the same partner with internal transfers", async () => {
    const m = await approvedMember(h);
    await h.control.topUp({ currency: "SGD", amount: 100, accountId: m.accountId });
    const t = await h.api.post("/v2/transfers", {
      onBehalfOfAccount: m.accountId,
      receiverAccountId: (await h.control.partners())[0].accountId,
      amount: 40,
      currency: "SGD",
      purposesOfTransfer: "own_account_transfer",
      reference: "INV-1",
    });
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({
      status: "completed",
      amount: 40,
      senderAccountId: m.accountId,
      purposesOfTransfer: "own_account_transfer",
    });
    expect((await h.api.get(`/v2/balances/SGD?onBehalfOfAccount=${m.accountId}`)).body.amount).toBe(60);
    expect((await h.api.get("/v2/balances/SGD")).body.amount).toBe(40);
    expect((await h.api.get(`/v2/transfers/${t.body.id}`)).body.type).toBe("received");
    expect((await h.api.get(`/v2/internal-transfers?onBehalfOfAccount=${m.accountId}`)).body.data[0].type).toBe("sent");

    const rejected = await h.api.post("/v2/internal-transfers", {
      onBehalfOfAccount: m.accountId,
      receiverAccountId: (await h.control.partners())[0].accountId,
      amount: 10,
      currency: "SGD",
      purposeOfTransfer: "x",
      reference: "REJECT me",
    });
    expect(rejected.body.status).toBe("rejected");
    expect((await h.api.get(`/v2/balances/SGD?onBehalfOfAccount=${m.accountId}`)).body.amount).toBe(60);

    const held = await h.api.post("/v2/transfers", {
      onBehalfOfAccount: m.accountId,
      receiverAccountId: (await h.control.partners())[0].accountId,
      amount: 10,
      currency: "SGD",
      purposesOfTransfer: "x",
      reference: "HOLD",
    });
    expect(held.body.status).toBe("pending");
    expect((await h.api.get(`/v2/balances/SGD?onBehalfOfAccount=${m.accountId}`)).body.amount).toBe(50);
    expect((await h.api.post(`/_sandbox/transfers/${held.body.id}/settle`, { status: "completed" })).body.status).toBe(
      "completed",
    );

    const errors = await Promise.all([
      h.api.post("/v2/transfers", {
        receiverAccountId: m.accountId,
        amount: 1000,
        currency: "SGD",
        purposesOfTransfer: "x",
      }),
      h.api.post("/v2/transfers", {
        receiverAccountId: crypto.randomUUID(),
        amount: 1,
        currency: "SGD",
        purposesOfTransfer: "x",
      }),
      h.api.post("/v2/transfers", { receiverAccountId: m.accountId, amount: 1, currency: "SGD" }),
      h.api.post("/v2/transfers", {
        receiverAccountId: m.accountId,
        amount: "abc",
        currency: "SGD",
        purposesOfTransfer: "x",
      }),
    ]);
    expect(errors.map((e) => e.status)).toEqual([400, 400, 400, 400]);
    expect(errors[0].body.message).toMatch(/insufficient balance/);
    expect(errors[1].body.message).toMatch(/receiverAccountId/);
    expect(errors[2].body.errors[0].message.purposesOfTransfer).toBeDefined();
    expect(errors[3].body.message).toMatch(/amount/);
  });

  it("quotes, creates, funds and completes a conversion", async () => {
    await h.control.topUp({ currency: "SGD", amount: 2000 });
    const q = await h.api.post("/v2/conversions/quote", {
      sellCurrency: "SGD",
      buyCurrency: "USD",
      amount: 500,
      fixedSide: "buy",
    });
    expect(q.body).toMatchObject({
      sellCurrency: "SGD",
      buyCurrency: "USD",
      buyAmount: 500,
      fixedSide: "buy",
      currencyPair: "SGDUSD",
    });
    expect(q.body.totalAmount).toBe(q.body.sellAmount);
    const c = await h.api.post("/v2/conversions", { quoteId: q.body.quoteId, referenceId: "conv-1" });
    expect(c.body).toMatchObject({ status: "awaiting_funds", conversionId: c.body.id });
    expect((await h.api.post("/v2/conversions", { quoteId: q.body.quoteId })).body.message).toMatch(
      /already been used/,
    );
    const funded = await h.api.post(`/v2/conversions/${c.body.id}/fund`);
    expect(funded.body.status).toBe("processing");
    expect((await h.api.post(`/v2/conversions/${c.body.id}/fund`)).status).toBe(400);
    const done = await h.api.post(`/_sandbox/conversions/${c.body.id}/advance`, {});
    expect(done.body.status).toBe("completed");
    const usd = (await h.api.get("/v2/balances/USD")).body.amount;
    expect(usd).toBeGreaterThanOrEqual(500);
    expect((await h.api.get("/v2/conversions?status=completed")).body.data[0].id).toBe(c.body.id);
    expect((await h.api.get(`/v2/conversions/${c.body.id}`)).body.completedAt).toBeTruthy();
  });

  it("refuses expired quotes, same currencies, insufficient balances; fails and refunds", async () => {
    const q = await h.api.post("/v2/conversions/quote", {
      sellCurrency: "SGD",
      buyCurrency: "EUR",
      amount: 10,
      fixedSide: "sell",
    });
    await h.control.advance(61_000);
    expect((await h.api.post("/v2/conversions", { quoteId: q.body.quoteId })).body.message).toMatch(/expired/);
    expect(
      (await h.api.post("/v2/conversions/quote", { sellCurrency: "SGD", buyCurrency: "SGD", amount: 1 })).status,
    ).toBe(400);
    expect(
      (await h.api.post("/v2/conversions/quote", { sellCurrency: "SGD", buyCurrency: "INR", amount: 1 })).body.message,
    ).toMatch(/cannot be held/);
    expect(
      (await h.api.post("/v2/conversions/quote", { sellCurrency: "SGD", buyCurrency: "USD" })).body.message,
    ).toMatch(/amount/);

    const big = await h.api.post("/v2/conversions/quote", {
      sellCurrency: "SGD",
      buyCurrency: "USD",
      amount: 999999,
      fixedSide: "sell",
    });
    const conv = await h.api.post("/v2/conversions", { quoteId: big.body.quoteId });
    const before = (await h.api.get("/v2/balances/SGD")).body.amount;
    const poor = await h.api.post("/v2/conversions/fund", { conversionId: conv.body.id });
    expect(poor.status).toBe(400);
    expect(poor.body.message).toMatch(/insufficient balance/);
    expect((await h.api.get("/v2/balances/SGD")).body.amount).toBe(before);

    const failing = await h.api.post("/v2/conversions/quote", {
      sellCurrency: "SGD",
      buyCurrency: "USD",
      amount: 999.99,
      fixedSide: "sell",
    });
    const fc = await h.api.post("/v2/conversions", { quoteId: failing.body.quoteId });
    await h.api.post(`/v2/conversions/${fc.body.id}/fund`);
    const failed = await h.api.post(`/_sandbox/conversions/${fc.body.id}/advance`, {});
    expect(failed.body).toMatchObject({ status: "failed", failureReason: "conversion_failed" });
    expect((await h.api.get("/v2/balances/SGD")).body.amount).toBe(before);
    expect((await h.api.get(`/v2/funding/${failed.body.refundFundingId}`)).body.type).toBe("conversion_refund");

    await h.control.advance(12 * 3600_000);
    await h.api.login();
    expect((await h.api.get(`/v2/conversions/${conv.body.id}`)).body).toMatchObject({
      status: "failed",
      failureReason: "funding_cutoff_passed",
    });
  });
});
