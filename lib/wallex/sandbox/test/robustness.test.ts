import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWallexSandbox, DEMO_PARTNER_CREDENTIALS, sharedWallexSandbox } from "../index";
import { approvedMember, startSandbox, type Harness } from "./harness";

const GARBAGE: unknown[] = [
  {},
  { amount: "NaN" },
  { amount: 1e308 },
  { amount: -0.0001 },
  { amount: [1] },
  { currency: 7, sellCurrency: {}, buyCurrency: null },
  { quoteId: 5, beneficiaryId: ["x"], onBehalfOfAccount: 3 },
  { bankAccount: "oops", entityType: 1 },
  { headers: "x", url: 5 },
  { ids: "x", payer: 1, status: 9, documentType: {}, files: "f" },
  { __proto__: { polluted: true }, email: 1 },
];

describe("bad input is always a 4xx in the error shape, never a 500", () => {
  let h: Harness;
  let ids: Record<string, string>;
  beforeAll(async () => {
    h = await startSandbox();
    const m = await approvedMember(h);
    ids = { user: m.userId, id: crypto.randomUUID() };
  });
  afterAll(() => h.stop());

  it("survives garbage bodies on every write endpoint", async () => {
    const paths = [
      "/v2/signup",
      "/v2/signup/company-lite",
      "/v2/signup/individual-lite",
      `/v2/users/${"USER"}/screen`,
      `/v2/users/USER/documents`,
      "/v2/beneficiaries",
      "/v2/beneficiaries/validation",
      "/v2/beneficiaries/requirements",
      "/v2/payments/quote",
      "/v2/payments",
      "/v2/payments/upload-url",
      "/v2/payments/fund",
      "/v2/payments/ID/fund",
      "/v2/conversions/quote",
      "/v2/conversions",
      "/v2/conversions/fund",
      "/v2/transfers",
      "/v2/collections/accounts",
      "/v2/collections/accounts/deactivate",
      "/v2/collections/ID/upload-url",
      "/v2/collection-requests",
      "/v2/collection-requests/ID/cancel",
      "/v2/collection-requests/ID/paid",
      "/v2/webhooks",
      "/simple-payments/v1/quote",
      "/simple-payments/v1/fund",
      "/beneficiaries/v1/create",
      "/_sandbox/users/USER/decision",
      "/_sandbox/balances/top-up",
      "/_sandbox/deductions",
      "/_sandbox/collections",
      "/_sandbox/faults",
      "/_sandbox/webhooks/faults",
      "/_sandbox/webhooks/emit",
      "/_sandbox/payments/ID/advance",
      "/_sandbox/transfers/ID/settle",
    ].map((p) => p.replace("USER", ids.user).replace("ID", ids.id));
    for (const path of paths) {
      for (const body of GARBAGE) {
        const r = await h.api.post(path, body);
        expect(r.status, `${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(r.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
        expect(typeof r.body.message).toBe("string");
      }
    }
    for (const section of ["detail", "company", "cdd"]) {
      for (const body of GARBAGE.slice(1)) {
        const r = await h.api.patch(`/v2/users/${ids.user}/${section}`, body);
        expect(r.status, `${section} ${JSON.stringify(body)}`).toBeLessThan(500);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("embedded mount under a base path", () => {
  it("strips the prefix and includes it in generated URLs", async () => {
    const sandbox = await createWallexSandbox({ basePath: "/api/wallex-sandbox", autoProgress: false });
    const call = (path: string, init: RequestInit = {}, token?: string) =>
      sandbox.fetch(
        new Request(`http://app.local/api/wallex-sandbox${path}`, {
          ...init,
          headers: {
            "x-api-key": DEMO_PARTNER_CREDENTIALS.apiKey,
            "content-type": "application/json",
            ...(token ? { authorization: token } : {}),
          },
        }),
      );
    const { token } = (await (
      await call("/v2/authenticate", { method: "POST", body: JSON.stringify(DEMO_PARTNER_CREDENTIALS) })
    ).json()) as { token: string };
    const up = (await (
      await call("/v2/payments/upload-url", { method: "POST", body: JSON.stringify({ fileName: "a.pdf" }) }, token)
    ).json()) as { uploadURL: string };
    expect(up.uploadURL.startsWith("http://app.local/api/wallex-sandbox/_sandbox/storage/")).toBe(true);
    const put = await sandbox.fetch(
      new Request(up.uploadURL, { method: "PUT", body: "%PDF", headers: { "content-type": "application/pdf" } }),
    );
    expect(put.status).toBe(200);
    await sandbox.close();
  });
});

describe("shared instance", () => {
  it("returns the same sandbox for the same key", async () => {
    const a = sharedWallexSandbox("test-shared", { autoProgress: false });
    expect(sharedWallexSandbox("test-shared")).toBe(a);
    await (await a).close();
  });
});
