import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  errorFromResponse,
  WallexError,
  WallexInvalidRequestError,
  WallexInvalidResponseError,
  WallexNotFoundError,
  WallexPermissionError,
} from "../errors";
import { createWallexClient } from "../index";
import { setup, type Setup } from "./setup";

describe("error mapping", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup({
      intercept: (req) =>
        req.url.includes("/v2/currencies/rates")
          ? Response.json({ sellCurrency: "USD", buyCurrency: "SGD", rate: "not a number" })
          : undefined,
    });
  });
  afterAll(() => s.close());

  it("400 validation → WallexInvalidRequestError with per-field messages", async () => {
    const err = await s.client.payments.quote({ body: { sellCurrency: "USD", amount: 10 } }).catch((e) => e);
    expect(err).toBeInstanceOf(WallexInvalidRequestError);
    expect(err).toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
      kind: "invalid_request",
      fieldErrors: { buyCurrency: ["is required"] },
    });
    expect(err.requestId).toBe(s.sent.at(-1)!.headers.get("x-request-id"));
    expect(err.userMessage).not.toContain("buyCurrency");
  });

  it("400 NOT_AUTHORIZED (feature off, D6) → WallexPermissionError", async () => {
    s.control.setFeatures({ beneficiaryValidation: false });
    const err = await s.client.beneficiaries.validate({ body: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(WallexPermissionError);
    expect(err).toMatchObject({ status: 400, code: "NOT_AUTHORIZED" });
  });

  it("404 → WallexNotFoundError; 403 bad API key → WallexPermissionError", async () => {
    await expect(s.client.payments.retrieve({ simplePaymentId: crypto.randomUUID() })).rejects.toBeInstanceOf(
      WallexNotFoundError,
    );
    const bad = createWallexClient({ ...s.options, apiKey: "nope", tenant: "other" });
    const err = await bad.currencies.list().catch((e) => e);
    expect(err).toBeInstanceOf(WallexPermissionError);
    expect(err.status).toBe(403);
  });

  it("a 2xx that does not fit its schema → WallexInvalidResponseError", async () => {
    const err = await s.client.currencies.rates({ query: { sellCurrency: "USD", buyCurrency: "SGD" } }).catch((e) => e);
    expect(err).toBeInstanceOf(WallexInvalidResponseError);
    expect(err.issues[0].path).toEqual(["rate"]);
  });

  it("bad input is refused before any request, with field messages", async () => {
    const before = s.sent.length;
    const err = await s.client.payments
      .quote({ body: { sellCurrency: "USD", amount: "12,50" } as never })
      .catch((e) => e);
    expect(err).toBeInstanceOf(WallexInvalidRequestError);
    expect(err.fieldErrors.amount).toBeDefined();
    expect(s.sent.length).toBe(before);
  });

  it("serialises without secrets or account numbers", () => {
    const e = errorFromResponse(400, { message: "bad", bankAccount: { accountNumber: "0123456789" }, token: "t" });
    expect(JSON.stringify(e)).not.toMatch(/0123456789|"t"/);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({
      kind: "invalid_request",
      status: 400,
      raw: { bankAccount: { accountNumber: "****6789" } },
    });
  });

  it("errorFromResponse reads every documented error shape", () => {
    const e = errorFromResponse(400, {
      message: "invalid",
      errors: [{ message: { firstName: "is required", lastName: ["too long", "bad"] } }, { message: "generic" }],
      missingFields: ["dateOfBirth"],
    });
    expect(e.fieldErrors).toEqual({
      firstName: ["is required"],
      lastName: ["too long", "bad"],
      _: ["generic"],
      dateOfBirth: ["is required"],
    });
    expect(errorFromResponse(400, "NOT_AUTHORIZED plain text")).toBeInstanceOf(WallexPermissionError);
    expect(errorFromResponse(502, null)).toMatchObject({ kind: "api", message: "HTTP 502" });
    for (const status of [400, 401, 403, 404, 429, 500]) {
      const err = errorFromResponse(status, { message: "raw wallex text" });
      expect(err).toBeInstanceOf(WallexError);
      expect(err.userMessage).not.toContain("raw wallex text");
    }
  });
});
