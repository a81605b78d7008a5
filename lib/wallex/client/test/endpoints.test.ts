import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS } from "../endpoints";
import type { Endpoint } from "../endpoints/define";
import { setup, type Setup } from "./setup";

/** Rows 1–76 of /work/shared/wallex-api/README.md less row 74 (File Upload, a storage URL): method and v2 path. */
const REFERENCE = [
  "POST /v2/authenticate",
  "POST /v2/logout",
  "GET /v2/balances",
  "GET /v2/balances/{currency}",
  "GET /v2/balances/{balanceId}",
  "GET /v2/balances/history",
  "GET /v2/currencies",
  "GET /v2/currencies/rates",
  "GET /v2/beneficiaries/requirements",
  "POST /v2/beneficiaries",
  "GET /v2/beneficiaries/{beneficiaryId}",
  "GET /v2/beneficiaries",
  "DELETE /v2/beneficiaries/{beneficiaryId}",
  "POST /v2/beneficiaries/validation",
  "GET /v2/beneficiaries/swift/{swiftCode}",
  "GET /v2/beneficiaries/china-banks",
  "GET /v2/beneficiaries/states",
  "GET /v2/beneficiaries/cities",
  "GET /v2/collections/currencies",
  "POST /v2/collections/accounts",
  "GET /v2/collections/accounts/{collectionAccountId}",
  "GET /v2/collections/accounts",
  "POST /v2/collections/accounts/deactivate",
  "GET /v2/collections",
  "GET /v2/collections/{collectionId}",
  "POST /v2/collections/{collectionId}/upload-url",
  "GET /v2/collection-requests/purpose-codes",
  "POST /v2/collection-requests",
  "GET /v2/collection-requests/{id}",
  "GET /v2/collection-requests",
  "POST /v2/collection-requests/{id}/cancel",
  "POST /v2/collection-requests/{id}/paid",
  "POST /v2/conversions/quote",
  "POST /v2/conversions",
  "POST /v2/conversions/{conversionId}/fund",
  "GET /v2/conversions/{conversionId}",
  "GET /v2/conversions",
  "GET /v2/fundings",
  "GET /v2/fundings/{fundingId}",
  "GET /v2/deductions",
  "GET /v2/deductions/{deductionId}",
  "POST /v2/transfers",
  "GET /v2/transfers/{id}",
  "GET /v2/transfers",
  "GET /v2/payments/channels",
  "GET /v2/payments/purposes",
  "POST /v2/payments/quote",
  "POST /v2/payments/upload-url",
  "POST /v2/payments",
  "POST /v2/payments/{simplePaymentId}/fund",
  "GET /v2/payments/{simplePaymentId}",
  "GET /v2/payments",
  "GET /v2/payments/{simplePaymentId}/documents",
  "POST /v2/signup",
  "POST /v2/signup/company-lite",
  "POST /v2/signup/individual-lite",
  "GET /v2/users",
  "GET /v2/users/{userId}",
  "GET /v2/users/{userId}/detail",
  "PATCH /v2/users/{userId}/detail",
  "GET /v2/users/{userId}/company",
  "PATCH /v2/users/{userId}/company",
  "GET /v2/users/{userId}/customer-due-diligence",
  "PATCH /v2/users/{userId}/customer-due-diligence",
  "GET /v2/users/entity-types",
  "GET /v2/users/products-usage",
  "POST /v2/users/{userId}/documents",
  "GET /v2/users/{userId}/documents",
  "GET /v2/users/{userId}/documents/{documentId}",
  "DELETE /v2/users/{userId}/documents/{documentId}",
  "POST /v2/users/{userId}/screen",
  "GET /v2/utils/business-types",
  "GET /v2/utils/countries",
  "GET /v2/webhooks",
  "PUT /v2/webhooks",
];

const rows = Object.entries(ENDPOINTS).flatMap(([area, table]) =>
  Object.entries(table as Record<string, Endpoint>).map(([name, ep]) => ({ name: `${area}.${name}`, ep })),
);
const shape = (line: string) => line.replace(/\{\w+\}/g, "{}");

describe("endpoint table", () => {
  it("has exactly one row per operation of the reference (parameter names aside)", () => {
    const table = rows.map((r) => shape(`${r.ep.method} ${r.ep.path}`)).sort();
    expect(table).toEqual(REFERENCE.map(shape).sort());
    expect(new Set(rows.map((r) => r.name)).size).toBe(75);
  });

  describe("every row is routed by the sandbox (no 'Not Found: METHOD path')", () => {
    let s: Setup;
    let auth: string;
    beforeAll(async () => {
      s = await setup();
      await s.client.currencies.list();
      auth = s.sent.at(-1)!.headers.get("authorization")!;
    });
    afterAll(() => s.close());

    it.each(rows.map((r) => [r.name, r.ep] as const))("%s", async (_name, ep) => {
      const path = ep.path.replace(/\{(\w+)\}/g, (_, k: string) => (k === "currency" ? "USD" : crypto.randomUUID()));
      const res = await s.sandbox.fetch(
        new Request(`http://sandbox.test${path}`, {
          method: ep.method,
          headers: { "x-api-key": s.options.apiKey, authorization: auth, "content-type": "application/json" },
          body: ep.method === "GET" || ep.method === "DELETE" ? undefined : "{}",
        }),
      );
      const body = await res.json().catch(() => ({}));
      expect(String(body.message ?? "")).not.toMatch(/^Not Found:/);
      expect(res.status).not.toBe(405);
    });
  });
});
