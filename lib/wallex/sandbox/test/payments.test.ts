import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Harness } from "./harness";
import { SG_BENEFICIARY } from "./data";

describe("payments", () => {
  let h: Harness;
  let beneficiaryId: string;
  beforeAll(async () => {
    h = await startSandbox();
    beneficiaryId = (await h.api.post("/v2/beneficiaries", SG_BENEFICIARY)).body.id;
    await h.control.topUp({ currency: "USD", amount: 100000 });
  });
  afterAll(() => h.stop());

  const pay = async (extra: Record<string, unknown> = {}, amount = 1000) => {
    const q = await h.api.post("/v2/payments/quote", { sellCurrency: "USD", amount, beneficiaryId });
    const p = await h.api.post("/v2/payments", {
      quoteId: q.body.quoteId,
      purposeOfTransfer: "goods_purchase",
      paymentReference: "INV 42",
      ...extra,
    });
    expect(p.status).toBe(200);
    return p.body;
  };

  it("lists channels with limits and purposes of transfer", async () => {
    const ch = await h.api.get("/v2/payments/channels?currency=SGD&country=SG");
    expect(ch.body.data.map((c: { settlementMethod: string }) => c.settlementMethod)).toEqual(["local", "swift"]);
    expect(ch.body.data[0]).toMatchObject({ maxAmount: 200000 });
    expect((await h.api.get("/v2/payments/channels?currency=XYZ")).status).toBe(400);
    expect((await h.api.get("/v2/payments/purposes")).body.data.map((p: { key: string }) => p.key)).toContain(
      "goods_purchase",
    );
    expect((await h.api.get("/v2/payments/purpose-of-transfer")).body.pagination.total).toBeGreaterThan(5);
  });

  it("quotes with fees, rate and expiry, and refuses expired quotes", async () => {
    const q = await h.api.post("/v2/payments/quote", { sellCurrency: "USD", amount: 1342, beneficiaryId });
    expect(q.body).toMatchObject({
      buyCurrency: "SGD",
      buyAmount: 1342,
      fixedSide: "buy",
      paymentChannel: "local",
      conversionFee: 0,
      paymentFee: 5,
      bankCharges: 0,
      totalFee: 5,
    });
    expect(q.body.totalAmount).toBeCloseTo(q.body.sellAmount + 5, 2);
    expect(q.body.sellAmount).toBeCloseTo(1342 / q.body.rate, 1);
    expect(Date.parse(q.body.expiresAt) - Date.parse(h.control.now())).toBe(60_000);
    await h.control.advance(60_000);
    await h.api.login();
    const late = await h.api.post("/v2/payments", { quoteId: q.body.quoteId, purposeOfTransfer: "goods_purchase" });
    expect(late.status).toBe(400);
    expect(late.body.message).toMatch(/quoteId: quote expired/);
    const errs = await Promise.all([
      h.api.post("/v2/payments/quote", { sellCurrency: "USD", amount: 10 }),
      h.api.post("/v2/payments/quote", { sellCurrency: "INR", buyCurrency: "SGD", amount: 10 }),
      h.api.post("/v2/payments/quote", { sellCurrency: "USD", amount: 10, beneficiaryId: crypto.randomUUID() }),
      h.api.post("/v2/payments/quote", { sellCurrency: "USD", amount: 10, beneficiaryId, buyCurrency: "EUR" }),
      h.api.post("/v2/payments/quote", { sellCurrency: "USD", amount: "ten", beneficiaryId }),
    ]);
    expect(errs.map((e) => e.status)).toEqual([400, 400, 400, 400, 400]);
    expect(errs.map((e) => Object.keys(e.body.errors[0].message)[0])).toEqual([
      "buyCurrency",
      "sellCurrency",
      "beneficiaryId",
      "buyCurrency",
      "amount",
    ]);
  });

  it("creates from a quote, funds from the balance and runs the lifecycle to completed with a receipt", async () => {
    const p = await pay();
    expect(p).toMatchObject({
      status: "awaiting_funds",
      simplePaymentId: p.id,
      purposeOfTransfer: "goods_purchase",
      fundingSource: "wallet",
    });
    expect(p.fundingReference).toMatch(/^WXP/);
    expect(Date.parse(p.fundingCutoffTime) - Date.parse(p.createdAt)).toBe(12 * 3600_000);
    expect(p.beneficiary).toMatchObject({ beneficiaryId, companyName: "Lion Supplies Pte Ltd" });
    const before = (await h.api.get("/v2/balances/USD")).body.amount;
    const funded = await h.api.post(`/v2/payments/${p.id}/fund`);
    expect(funded.body.status).toBe("under_review");
    expect((await h.api.get("/v2/balances/USD")).body.amount).toBeCloseTo(before - p.totalAmount, 2);
    expect((await h.api.post(`/v2/payments/${p.id}/fund`)).status).toBe(400);
    expect((await h.api.get(`/v2/payments/${p.id}/documents`)).status).toBe(400);
    for (const s of ["processing", "in_transit", "completed"]) {
      expect((await h.api.post(`/_sandbox/payments/${p.id}/advance`, {})).body.status).toBe(s);
    }
    const done = (await h.api.get(`/v2/payments/${p.id}`)).body;
    expect(done.completedAt).toBeTruthy();
    const doc = await h.api.get(`/v2/payments/${p.id}/documents`);
    expect(doc.body.expiresAt).toBeTruthy();
    const pdf = Buffer.from(await (await fetch(doc.body.url)).arrayBuffer());
    expect(pdf.subarray(0, 8).toString()).toBe("%PDF-1.4");
    expect(pdf.toString("latin1")).toContain(p.id);
    expect(pdf.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
    const history = (await h.api.get(`/v2/balances/history?relatedEntityId=${p.id}`)).body.data;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ type: "payment", direction: "debit", amount: p.totalAmount });
  });

  it("refuses funding without enough balance and changes nothing", async () => {
    const q = await h.api.post("/v2/payments/quote", {
      sellCurrency: "USD",
      amount: 200000,
      beneficiaryId,
      fixedSide: "sell",
    });
    expect(q.body.splitSettlement).toBe(true);
    const created = await h.api.post("/v2/payments", {
      quoteId: q.body.quoteId,
      purposeOfTransfer: "goods_purchase",
      files: [],
    });
    expect(created.body.message).toMatch(/supporting documents/);
    const up = await h.api.post("/v2/payments/upload-url", { fileName: "invoice.pdf" });
    expect(up.body).toMatchObject({
      fileId: expect.any(String),
      uploadURL: expect.stringContaining("/_sandbox/storage/"),
    });
    const notUploaded = await h.api.post("/v2/payments", {
      quoteId: q.body.quoteId,
      purposeOfTransfer: "goods_purchase",
      files: [up.body.fileId],
    });
    expect(notUploaded.body.message).toMatch(/never uploaded/);
    await fetch(up.body.uploadURL, { method: "PUT", body: "%PDF", headers: { "content-type": "application/pdf" } });
    const q2 = await h.api.post("/v2/payments/quote", {
      sellCurrency: "USD",
      amount: 200000,
      beneficiaryId,
      fixedSide: "sell",
    });
    const p = (
      await h.api.post("/v2/payments", {
        quoteId: q2.body.quoteId,
        purposeOfTransfer: "goods_purchase",
        files: [up.body.fileId],
      })
    ).body;
    expect(p.settlements.length).toBeGreaterThan(1);
    const sum = p.settlements.reduce((s: number, x: { amount: number }) => s + x.amount, 0);
    expect(sum).toBeCloseTo(p.buyAmount, 2);
    const before = (await h.api.get("/v2/balances/USD")).body.amount;
    const poor = await h.api.post("/v2/payments/fund", { simplePaymentId: p.id });
    expect(poor.status).toBe(400);
    expect(poor.body.message).toMatch(/insufficient balance: USD balance is/);
    expect((await h.api.get("/v2/balances/USD")).body.amount).toBe(before);
    expect((await h.api.get(`/v2/payments/${p.id}`)).body.status).toBe("awaiting_funds");
  });

  it("refunds rejected and failed payments as fundings (magic values)", async () => {
    const before = (await h.api.get("/v2/balances/USD")).body.amount;
    const rejected = await pay({ paymentReference: "REJECT please" });
    await h.api.post(`/v2/payments/${rejected.id}/fund`);
    const r = await h.api.post(`/_sandbox/payments/${rejected.id}/advance`, {});
    expect(r.body).toMatchObject({ status: "rejected", failureReason: "rejected_by_compliance" });
    const refund = (await h.api.get(`/v2/funding/${r.body.refundFundingId}`)).body;
    expect(refund).toMatchObject({
      type: "payment_refund",
      relatedEntityId: rejected.id,
      amount: rejected.totalAmount,
    });

    const failing = await pay({}, 999.99);
    await h.api.post(`/v2/payments/${failing.id}/fund`);
    for (let i = 0; i < 3; i++) await h.control.advancePayment(failing.id);
    expect((await h.api.get(`/v2/payments/${failing.id}`)).body.status).toBe("failed");
    expect((await h.api.get("/v2/balances/USD")).body.amount).toBeCloseTo(before, 2);
    expect((await h.api.post(`/_sandbox/payments/${failing.id}/advance`, { status: "completed" })).status).toBe(400);
  });

  it("fails unfunded payments at the cut-off and lists with filters", async () => {
    const p = await pay({ referenceId: "order-77" });
    await h.control.advance(12 * 3600_000);
    await h.api.login();
    expect((await h.api.get(`/v2/payments/${p.id}`)).body).toMatchObject({
      status: "failed",
      failureReason: "funding_cutoff_passed",
    });
    expect((await h.api.get("/v2/payments?referenceId=order-77")).body.data.map((x: { id: string }) => x.id)).toEqual([
      p.id,
    ]);
    const all = (await h.api.get("/v2/payments?limit=2")).body;
    expect(all.data).toHaveLength(2);
    expect(all.data[0].id).toBe(p.id);
    expect(
      (await h.api.get("/v2/payments?status=completed")).body.data.every(
        (x: { status: string }) => x.status === "completed",
      ),
    ).toBe(true);
    expect((await h.api.get(`/v2/payments/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("serves the legacy simple-payments paths wrapped in {data}", async () => {
    const q = await h.api.post("/simple-payments/v1/quote", { sellCurrency: "USD", amount: 10, beneficiaryId });
    expect(q.body.data.quoteId).toBeDefined();
    const c = await h.api.post("/simple-payments/v1/create", {
      quoteId: q.body.data.quoteId,
      purposesOfTransfer: "rent",
    });
    expect(c.body.data).toMatchObject({ status: "awaiting_funds", purposeOfTransfer: "rent" });
    const f = await h.api.post("/simple-payments/v1/fund", { simplePaymentId: c.body.data.simplePaymentId });
    expect(f.body.data.status).toBe("under_review");
    const u = await h.api.post("/simple-payments/v1/get-upload-url", { fileName: "a.pdf" });
    expect(u.body.data).toMatchObject({ uploadUrl: expect.any(String), fileId: expect.any(String) });
    expect(
      (await h.api.post("/simple-payments/v1/create", { quoteId: "nope", purposeOfTransfer: "rent" })).status,
    ).toBe(400);
  });
});
