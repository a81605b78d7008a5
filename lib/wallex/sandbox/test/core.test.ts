import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedMember, Client, DEMO_PARTNER, startSandbox, type Harness } from "./harness";

const OTHER = {
  id: "other",
  name: "Other Partner",
  apiKey: "other-key",
  accessKeyId: "other-id",
  secretAccessKey: "other-secret",
};

describe("gateway, auth and conventions", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox({ partners: [DEMO_PARTNER, OTHER] });
  });
  afterAll(() => h.stop());

  it("answers 403 without or with an unknown X-Api-Key", async () => {
    const none = await fetch(`${h.url}/v2/balances`);
    expect(none.status).toBe(403);
    expect(await none.json()).toEqual({ message: "Forbidden" });
    expect((await h.client("nope").get("/v2/balances")).status).toBe(403);
  });

  it("authenticates, accepts Bearer and raw tokens, keeps several tokens alive, and logs out", async () => {
    const a = await h.client().login();
    const b = await h.client().login();
    expect(a.token).not.toBe(b.token);
    expect((await a.get("/v2/balances")).status).toBe(200);
    expect((await a.get("/v2/balances", { authorization: a.token! })).status).toBe(200);
    expect((await a.post("/v2/logout")).status).toBe(200);
    const after = await a.get("/v2/balances");
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ message: "authentication_failed" });
    expect((await b.get("/v2/balances")).status).toBe(200);
    expect((await a.post("/v2/logout")).status).toBe(401);
    expect((await h.client().post("/v2/logout")).status).toBe(401);
  });

  it("refuses wrong credentials and missing, garbage or expired tokens with 401", async () => {
    const c = h.client();
    expect((await c.post("/v2/authenticate", { accessKeyId: "x", secretAccessKey: "y" })).status).toBe(401);
    expect((await c.get("/v2/balances")).status).toBe(401);
    expect((await c.get("/v2/balances", { authorization: "Bearer garbage" })).status).toBe(401);
    const other = await new Client(h.url, OTHER.apiKey).login(OTHER.accessKeyId, OTHER.secretAccessKey);
    expect((await c.get("/v2/balances", { authorization: other.token! })).status).toBe(401);
    const fresh = await h.client().login();
    await h.control.advance(8 * 3600_000 + 1000);
    expect((await fresh.get("/v2/balances")).status).toBe(401);
    await h.api.login();
  });

  it("serves the legacy authenticate path with the same {token} body", async () => {
    const r = await h.client().post("/users/v1/authenticate", DEMO_PARTNER);
    expect(r.status).toBe(200);
    expect(typeof r.body.token).toBe("string");
  });

  it("echoes X-Request-ID and logs requests", async () => {
    const r = await h.api.get("/v2/currencies", { "x-request-id": "req-123" });
    expect(r.headers.get("x-request-id")).toBe("req-123");
    const log = await h.api.get("/_sandbox/requests");
    expect(log.body.data.some((x: { requestId?: string }) => x.requestId === "req-123")).toBe(true);
  });

  it("answers malformed JSON, non-object bodies and unknown paths in the error shape", async () => {
    const bad = await h.api.call("POST", "/v2/payments/quote", "{not json");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error_code: "VALIDATION_ERROR",
      errors: [{ message: { body: ["malformed JSON"] } }],
    });
    expect((await h.api.call("POST", "/v2/payments/quote", "[1]")).status).toBe(400);
    expect((await h.api.get("/v2/nothing-here")).status).toBe(404);
  });

  it("pages with page/limit and pagination[page]/pagination[limit]", async () => {
    const a = await h.api.get("/v2/utils/business-types?page=2&limit=5");
    expect(a.body.pagination).toMatchObject({ page: 1 });
    for (let i = 0; i < 3; i++)
      await h.api.post("/v2/signup", {
        email: `p${i}@example.com`,
        firstName: "A",
        lastName: "B",
        countryCode: "SG",
        accountType: "individual",
      });
    const p = await h.api.get("/v2/users?pagination[page]=2&pagination[limit]=2");
    expect(p.body.pagination).toMatchObject({ page: 2, limit: 2 });
    expect(p.body.data).toHaveLength(1);
    expect((await h.api.get("/v2/users?limit=abc")).status).toBe(400);
  });

  it("applies the onBehalfOf rules", async () => {
    const member = await approvedMember(h);
    const other = await new Client(h.url, OTHER.apiKey).login(OTHER.accessKeyId, OTHER.secretAccessKey);
    expect((await h.api.get(`/v2/balances?onBehalfOfAccount=${member.accountId}`)).status).toBe(200);
    expect((await h.api.get(`/v2/balances?onBehalfOfUser=${member.userId}`)).status).toBe(200);
    expect((await h.api.get(`/v2/balances?onBehalfOfAccount=${crypto.randomUUID()}`)).status).toBe(404);
    const foreign = await other.get(`/v2/balances?onBehalfOfAccount=${member.accountId}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ message: "NOT_AUTHORIZED", error_code: "NOT_AUTHORIZED" });
    const draft = await h.api.post("/v2/signup", {
      email: "draft@example.com",
      firstName: "D",
      lastName: "R",
      countryCode: "SG",
      accountType: "individual",
    });
    const notApproved = await h.api.get(`/v2/balances?onBehalfOfUser=${draft.body.userId}`);
    expect(notApproved.status).toBe(400);
    expect(notApproved.body.message).toMatch(/onBehalfOfUser/);
    const disagree = await h.api.get(
      `/v2/balances?onBehalfOfUser=${member.userId}&onBehalfOfAccount=${draft.body.accountId}`,
    );
    expect(disagree.status).toBe(400);
    const inBody = await h.api.post("/v2/conversions/quote", {
      onBehalfOfAccount: crypto.randomUUID(),
      sellCurrency: "SGD",
      buyCurrency: "USD",
      amount: 10,
    });
    expect(inBody.status).toBe(404);
  });

  it("answers 400 NOT_AUTHORIZED for features that are off", async () => {
    const other = await new Client(h.url, OTHER.apiKey).login(OTHER.accessKeyId, OTHER.secretAccessKey);
    const body = {
      email: "x@example.com",
      firstName: "A",
      lastName: "B",
      countryCode: "SG",
      accountType: "individual",
      companyName: "C",
    };
    for (const path of ["/v2/signup", "/v2/signup/company-lite", "/v2/signup/individual-lite"]) {
      const r = await other.post(path, body);
      expect(r.status).toBe(400);
      expect(r.body.error_code).toBe("NOT_AUTHORIZED");
    }
    expect((await other.post("/v2/beneficiaries/validation", {})).body.error_code).toBe("NOT_AUTHORIZED");
    expect((await other.post("/v2/collections/accounts", { name: "x", currency: "SGD" })).body.error_code).toBe(
      "NOT_AUTHORIZED",
    );
    expect((await other.get("/v2/collections/accounts")).status).toBe(200);
    const closed = await startSandbox({ partners: [{ ...DEMO_PARTNER, features: { collections: false } }] });
    for (const p of [
      "/v2/collections/accounts",
      "/v2/collections",
      "/v2/collection-requests",
      "/v2/collections/currencies",
    ]) {
      expect((await closed.api.get(p)).body).toMatchObject({ message: "NOT_AUTHORIZED", error_code: "NOT_AUTHORIZED" });
    }
    await closed.stop();
  });

  it("injects faults: N failing requests, then normal service", async () => {
    await h.api.post("/_sandbox/faults", { count: 2, status: 503 });
    expect((await h.api.get("/v2/currencies")).status).toBe(503);
    expect((await h.api.get("/v2/currencies")).body.error_code).toBe("INJECTED_FAULT");
    expect((await h.api.get("/v2/currencies")).status).toBe(200);
    await h.api.post("/_sandbox/faults", { count: 1, delayMs: 50 });
    const t = performance.now();
    expect((await h.api.get("/v2/currencies")).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(45);
  });

  it("injects lost answers: the request takes effect, the caller sees only the fault", async () => {
    await h.api.post("/_sandbox/faults", { count: 1, status: 502, after: true });
    const lost = await h.api.post("/_sandbox/balances/top-up", { currency: "EUR", amount: 1 }); // helpers are never faulted
    expect(lost.status).toBe(200);
    expect((await h.api.get("/v2/webhooks")).status).toBe(502);
    await h.api.put("/v2/webhooks", { url: "http://127.0.0.1:9/hook" });
    await h.api.post("/_sandbox/faults", { count: 1, status: 504, after: true });
    expect((await h.api.put("/v2/webhooks", { url: "http://127.0.0.1:9/after-fault" })).status).toBe(504);
    expect((await h.api.get("/v2/webhooks")).body.url).toBe("http://127.0.0.1:9/after-fault");
  });

  it("injects faults at random with a rate until the rate is reset", async () => {
    await h.api.post("/_sandbox/faults", { rate: 1, status: 500 });
    expect((await h.api.get("/v2/currencies")).status).toBe(500);
    expect((await h.api.get("/v2/currencies")).status).toBe(500);
    await h.api.post("/_sandbox/faults", { rate: 0, status: 500 });
    expect((await h.api.get("/v2/currencies")).status).toBe(200);
    expect((await h.api.post("/_sandbox/faults", { rate: 2, status: 500 })).status).toBe(400);
    expect((await h.api.post("/_sandbox/webhooks/faults", { mode: "drop", rate: -1 })).status).toBe(400);
  });
});

describe("rate limit", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox({ rateLimit: { perSecond: 5 } });
  });
  afterAll(() => h.stop());

  it("allows 5 requests per second per API key, then 429, and refills with time", async () => {
    await h.control.advance(2000);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await h.api.get("/v2/currencies")).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
    expect((await h.api.get("/v2/currencies")).body).toEqual({ message: "Too Many Requests" });
    await h.control.advance(1000);
    expect((await h.api.get("/v2/currencies")).status).toBe(200);
    expect((await h.api.get("/_sandbox/requests")).status).toBe(200);
  });
});
