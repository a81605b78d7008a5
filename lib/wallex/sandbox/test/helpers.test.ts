import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SG_BENEFICIARY } from "./data";
import { Client, DEMO_PARTNER, startSandbox, type Harness } from "./harness";

const OTHER = {
  id: "b",
  name: "B",
  apiKey: "b-key",
  accessKeyId: "b-id",
  secretAccessKey: "b-secret",
  features: { signup: true },
};

describe("sandbox helpers and partner isolation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox({ partners: [DEMO_PARTNER, OTHER] });
  });
  afterAll(() => h.stop());

  it("lists the helpers and the magic values", async () => {
    const r = await h.api.get("/_sandbox");
    expect(r.body.helpers.length).toBeGreaterThan(10);
    expect(r.body.magicValues.payment.referenceContains.REJECT).toMatch(/rejected/);
    expect((await fetch(`${h.url}/_sandbox`)).status).toBe(403);
  });

  it("funds a bank-transfer payment without touching the wallet", async () => {
    const b = (await h.api.post("/v2/beneficiaries", SG_BENEFICIARY)).body;
    const q = (await h.api.post("/v2/payments/quote", { sellCurrency: "SGD", amount: 10, beneficiaryId: b.id })).body;
    const p = (
      await h.api.post("/v2/payments", {
        quoteId: q.quoteId,
        purposeOfTransfer: "rent",
        fundingSource: "bank_transfer",
      })
    ).body;
    expect(p.fundingSource).toBe("bank_transfer");
    expect((await h.api.post(`/_sandbox/payments/${p.id}/bank-transfer`)).body.status).toBe("under_review");
    expect((await h.api.get("/v2/balances")).body.data).toEqual([]);
    expect(
      (await h.api.post("/v2/payments", { quoteId: q.quoteId, purposeOfTransfer: "rent", fundingSource: "cheque" }))
        .body.errors[0].message.fundingSource,
    ).toBeDefined();
  });

  it("flips feature flags at runtime", async () => {
    expect((await h.api.get("/_sandbox/features")).body.signup).toBe(true);
    expect((await h.api.post("/_sandbox/features", { signup: false })).body.signup).toBe(false);
    expect(
      (
        await h.api.post("/v2/signup", {
          email: "f@example.com",
          firstName: "F",
          lastName: "F",
          countryCode: "SG",
          accountType: "individual",
        })
      ).body.error_code,
    ).toBe("NOT_AUTHORIZED");
    expect((await h.api.post("/_sandbox/features", { signup: "yes" })).status).toBe(400);
    expect((await h.api.post("/_sandbox/features", { teleport: true })).status).toBe(400);
    await h.api.post("/_sandbox/features", { signup: true });
  });

  it("moves the manual clock and settles timers over HTTP", async () => {
    const before = Date.parse((await h.api.post("/_sandbox/settle")).body.now);
    const after = Date.parse((await h.api.post("/_sandbox/clock/advance", { ms: 5000 })).body.now);
    expect(after - before).toBe(5000);
    expect((await h.api.post("/_sandbox/clock/advance", { ms: -1 })).status).toBe(400);
  });

  it("keeps partners apart: users, company sections and balances", async () => {
    const b = await new Client(h.url, OTHER.apiKey).login(OTHER.accessKeyId, OTHER.secretAccessKey);
    const u = (
      await b.post("/v2/signup", {
        email: "iso@example.com",
        firstName: "I",
        lastName: "S",
        countryCode: "SG",
        accountType: "company",
        companyName: "Iso Ltd",
      })
    ).body;
    expect((await b.get(`/v2/users/${u.userId}/company`)).body).toMatchObject({
      companyName: "Iso Ltd",
      status: { value: "incomplete" },
    });
    expect((await h.api.get(`/v2/users/${u.userId}`)).status).toBe(404);
    expect((await h.api.get(`/v2/users/${u.userId}/company`)).status).toBe(404);
    expect((await h.api.post(`/_sandbox/users/${u.userId}/decision`, { status: "withdrawn" })).status).toBe(404);
    const ind = (
      await b.post("/v2/signup", {
        email: "ind@example.com",
        firstName: "I",
        lastName: "S",
        countryCode: "SG",
        accountType: "individual",
      })
    ).body;
    expect((await b.patch(`/v2/users/${ind.userId}/company`, { registrationNumber: "123" })).status).toBe(400);
    await b.post("/_sandbox/balances/top-up", { currency: "EUR", amount: 5 });
    expect((await h.api.get("/v2/balances/EUR")).status).toBe(404);
    expect((await b.get("/v2/users")).body.pagination.total).toBe(2);
  });
});

describe("daily quota", () => {
  it("answers 429 Limit Exceeded after the daily cap", async () => {
    const h = await startSandbox({ rateLimit: { perSecond: 100, perDay: 3 } });
    expect((await h.api.get("/v2/currencies")).status).toBe(200);
    expect((await h.api.get("/v2/currencies")).status).toBe(200);
    const r = await h.api.get("/v2/currencies");
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ message: "Limit Exceeded" });
    await h.stop();
  });
});
