import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWallexSandbox, DEMO_PARTNER_CREDENTIALS } from "../index";
import { assertMove, isTerminal, MACHINES } from "../domain/lifecycle";
import { SG_BENEFICIARY } from "./data";
import { startSandbox, type Harness } from "./harness";

describe("automatic progression on the clock", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox({
      autoProgress: {
        payment: { under_review: 1000, processing: 2000, in_transit: 3000 },
        userDecision: 500,
        liteApproval: 5000,
      },
    });
  });
  afterAll(() => h.stop());

  it("moves a funded payment through every status with the configured delays", async () => {
    const b = (await h.api.post("/v2/beneficiaries", SG_BENEFICIARY)).body;
    await h.control.topUp({ currency: "SGD", amount: 1000 });
    const q = (await h.api.post("/v2/payments/quote", { sellCurrency: "SGD", amount: 100, beneficiaryId: b.id })).body;
    const p = (await h.api.post("/v2/payments", { quoteId: q.quoteId, purposeOfTransfer: "rent" })).body;
    await h.api.post(`/v2/payments/${p.id}/fund`);
    const status = async () => (await h.api.get(`/v2/payments/${p.id}`)).body.status;
    expect(await status()).toBe("under_review");
    await h.control.advance(999);
    expect(await status()).toBe("under_review");
    await h.control.advance(1);
    expect(await status()).toBe("processing");
    await h.control.advance(2000);
    expect(await status()).toBe("in_transit");
    await h.control.advance(3000);
    expect(await status()).toBe("completed");
  });

  it("holds payments with HOLD until a helper releases them", async () => {
    const b = (await h.api.get("/v2/beneficiaries")).body.data[0];
    const q = (await h.api.post("/v2/payments/quote", { sellCurrency: "SGD", amount: 10, beneficiaryId: b.id })).body;
    const p = (
      await h.api.post("/v2/payments", { quoteId: q.quoteId, purposeOfTransfer: "rent", paymentReference: "HOLD" })
    ).body;
    await h.api.post(`/v2/payments/${p.id}/fund`);
    await h.control.advance(10_000);
    expect((await h.api.get(`/v2/payments/${p.id}`)).body.status).toBe("under_review");
    await h.control.advancePayment(p.id, "processing");
    await h.control.advance(5000);
    expect((await h.api.get(`/v2/payments/${p.id}`)).body.status).toBe("completed");
  });

  it("decides screened users by their email tag and approves lite signups", async () => {
    const outcomes: Record<string, string> = {
      "ok@example.com": "approved",
      "a+resubmit@example.com": "document_needs_resubmission",
      "b+terminate@example.com": "terminated",
      "c+hold@example.com": "pending_approval",
    };
    const ids: Record<string, string> = {};
    for (const email of Object.keys(outcomes)) {
      const u = (
        await h.api.post("/v2/signup", {
          email,
          firstName: "A",
          lastName: "B",
          countryCode: "SG",
          accountType: "individual",
        })
      ).body;
      await h.control.decideUser(u.userId, "pending_approval");
      ids[email] = u.userId;
    }
    await h.control.advance(500);
    for (const [email, status] of Object.entries(outcomes))
      expect((await h.api.get(`/v2/users/${ids[email]}`)).body.status).toBe(status);
    const lite = (
      await h.api.post("/v2/signup/individual-lite", {
        email: "lite@example.com",
        firstName: "L",
        lastName: "T",
        countryCode: "ID",
      })
    ).body;
    await h.control.advance(5000);
    expect((await h.api.get(`/v2/users/${lite.userId}`)).body.status).toBe("approved");
  });

  it("completes conversions and pending collections after their delays", async () => {
    const q = (
      await h.api.post("/v2/conversions/quote", {
        sellCurrency: "SGD",
        buyCurrency: "USD",
        amount: 10,
        fixedSide: "sell",
      })
    ).body;
    const c = (await h.api.post("/v2/conversions", { quoteId: q.quoteId })).body;
    await h.api.post(`/v2/conversions/${c.id}/fund`);
    await h.control.advance(3000);
    expect((await h.api.get(`/v2/conversions/${c.id}`)).body.status).toBe("completed");
    const va = (await h.api.post("/v2/collections/accounts", { name: "x", currency: "SGD" })).body;
    const col = await h.control.creditCollection({ collectionAccountId: va.id, amount: 10, complete: false });
    await h.control.advance(2000);
    expect((await h.api.get(`/v2/collections/${col.id}`)).body.status).toBe("completed");
  });
});

describe("state machines", () => {
  it("reach only the documented terminal statuses", () => {
    const terminals = (m: string) =>
      [...new Set(Object.values(MACHINES[m]).flat())].filter((s) => isTerminal(m, s)).sort();
    expect(terminals("simple_payment")).toEqual(["completed", "failed", "rejected"]);
    expect(terminals("conversion")).toEqual(["completed", "failed"]);
    expect(terminals("user")).toEqual(["closed", "terminated", "withdrawn"]);
    expect(terminals("collection_request")).toEqual(["cancel", "expired", "full_paid"]);
    expect(() => assertMove("simple_payment", "completed", "failed")).toThrow(/cannot move/);
    expect(() => assertMove("simple_payment", "awaiting_funds", "completed")).toThrow(/cannot move/);
    expect(() => assertMove("user", "draft", "approved")).toThrow(/cannot move/);
  });
});

describe("legacy payment statuses", () => {
  it("skips under_review and in_transit when asked to", async () => {
    const h = await startSandbox({ legacyPaymentStatuses: true, autoProgress: { payment: { processing: 1000 } } });
    const b = (await h.api.post("/v2/beneficiaries", SG_BENEFICIARY)).body;
    await h.control.topUp({ currency: "SGD", amount: 100 });
    const q = (await h.api.post("/v2/payments/quote", { sellCurrency: "SGD", amount: 10, beneficiaryId: b.id })).body;
    const p = (await h.api.post("/v2/payments", { quoteId: q.quoteId, purposeOfTransfer: "rent" })).body;
    expect((await h.api.post(`/v2/payments/${p.id}/fund`)).body.status).toBe("processing");
    await h.control.advance(1000);
    expect((await h.api.get(`/v2/payments/${p.id}`)).body.status).toBe("completed");
    await h.stop();
  });
});

describe("system clock", () => {
  it("runs timers in the background and close() stops them", async () => {
    const sandbox = await createWallexSandbox({ autoProgress: { userDecision: 20 }, tickIntervalMs: 10 });
    const headers = { "x-api-key": DEMO_PARTNER_CREDENTIALS.apiKey, "content-type": "application/json" };
    const post = (path: string, body: unknown, token?: string) =>
      sandbox.fetch(
        new Request(`http://sandbox${path}`, {
          method: "POST",
          headers: { ...headers, ...(token ? { authorization: token } : {}) },
          body: JSON.stringify(body),
        }),
      );
    const { token } = (await (await post("/v2/authenticate", DEMO_PARTNER_CREDENTIALS)).json()) as { token: string };
    const signup = await post(
      "/v2/signup",
      { email: "sys@example.com", firstName: "S", lastName: "C", countryCode: "SG", accountType: "individual" },
      token,
    );
    const { userId } = (await signup.json()) as { userId: string };
    await sandbox.control.decideUser(userId, "pending_approval");
    const approved = () => sandbox.control.deliveries()[0]?.payload.status === "approved";
    await expect.poll(approved, { timeout: 15_000, interval: 20 }).toBe(true);
    await expect(sandbox.control.advance(1)).rejects.toThrow(/manual clock/);
    await sandbox.close();
  });
});
