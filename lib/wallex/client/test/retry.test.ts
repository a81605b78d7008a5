import { afterEach, describe, expect, it } from "vitest";
import { WallexApiError, WallexConnectionError, WallexRateLimitError, WallexUnknownOutcomeError } from "../errors";
import { setup, type Setup } from "./setup";
import { virtualTime } from "./virtual-time";

const calls = (s: Setup, path: string) => s.sent.filter((r) => r.url.pathname === path).length;
/** An answer that never comes: only the client's timeout or the caller's signal ends the wait. */
const never = () => new Promise<undefined>(() => undefined);

describe("timeouts and retries", () => {
  let s: Setup;
  afterEach(() => s?.close());

  it("retries a GET on 503 (sandbox fault injection) and succeeds", async () => {
    s = await setup();
    await s.client.currencies.list();
    s.control.failNextRequests({ remaining: 2, status: 503 });
    const list = await s.client.balances.list();
    expect(list.data).toBeDefined();
    expect(calls(s, "/v2/balances")).toBe(3);
    expect(
      s.logs.filter((l) => l.operation === "balances.list").map((l) => [l.attempt, l.status, l.errorKind, l.willRetry]),
    ).toEqual([
      [1, 503, "api", true],
      [2, 503, "api", true],
      [3, 200, undefined, false],
    ]);
  });

  it("gives up on a GET after maxRetries and throws WallexApiError", async () => {
    s = await setup({ client: { retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 } } });
    await s.client.currencies.list();
    s.control.failNextRequests({ remaining: 5, status: 500 });
    await expect(s.client.balances.list()).rejects.toBeInstanceOf(WallexApiError);
    expect(calls(s, "/v2/balances")).toBe(2);
  });

  it("retries a GET on 429 and waits for Retry-After", async () => {
    const time = virtualTime();
    s = await setup({
      intercept: (req, n) =>
        req.url.endsWith("/v2/currencies") && n === 2
          ? Response.json({ message: "Too Many Requests" }, { status: 429, headers: { "Retry-After": "0.3" } })
          : undefined,
      time,
    });
    await s.client.currencies.list();
    expect(time.slept).toEqual([300]); // Retry-After, not the backoff
    expect(calls(s, "/v2/currencies")).toBe(2);
  });

  it("does not wait for a Retry-After beyond the cap: RateLimitError with retryAfterMs", async () => {
    s = await setup({
      intercept: (req) =>
        req.url.endsWith("/v2/currencies")
          ? Response.json({ message: "Limit Exceeded" }, { status: 429, headers: { "Retry-After": "3600" } })
          : undefined,
    });
    const err = await s.client.currencies.list().catch((e) => e);
    expect(err).toBeInstanceOf(WallexRateLimitError);
    expect(err.retryAfterMs).toBe(3_600_000);
  });

  it("retries a GET on a network error; after the last one throws WallexConnectionError", async () => {
    let fail = 1;
    s = await setup({
      intercept: (req) => {
        if (req.url.endsWith("/v2/currencies") && fail-- > 0) throw new TypeError("fetch failed");
        return undefined;
      },
    });
    await s.client.currencies.list();
    expect(calls(s, "/v2/currencies")).toBe(2);
    fail = 10;
    const err = await s.client.currencies.list().catch((e) => e);
    expect(err).toBeInstanceOf(WallexConnectionError);
    expect(s.logs.at(-1)).toMatchObject({ errorKind: "network", attempt: 3, willRetry: false });
  });

  it("retries a GET that times out", async () => {
    let hang = 1;
    s = await setup({
      intercept: (req) => (req.url.endsWith("/v2/balances") && hang-- > 0 ? never() : undefined),
    });
    await s.client.currencies.list();
    // Long enough for the answered retry on a loaded machine; the hung attempt always reaches it.
    await s.client.balances.list({}, { timeoutMs: 2_000 });
    expect(s.logs.filter((l) => l.operation === "balances.list").map((l) => l.errorKind)).toEqual([
      "timeout",
      undefined,
    ]);
  });

  it("never retries a POST on 503: one attempt, WallexApiError", async () => {
    s = await setup();
    await s.client.currencies.list();
    s.control.failNextRequests({ remaining: 3, status: 503 });
    await expect(
      s.client.conversions.quote({ body: { sellCurrency: "USD", buyCurrency: "SGD", amount: 10 } }),
    ).rejects.toBeInstanceOf(WallexApiError);
    expect(calls(s, "/v2/conversions/quote")).toBe(1);
  });

  it("never retries a POST on 429 either: RateLimitError after one attempt", async () => {
    s = await setup({
      intercept: (req) =>
        req.url.endsWith("/v2/conversions/quote")
          ? Response.json({ message: "Too Many Requests" }, { status: 429, headers: { "Retry-After": "0" } })
          : undefined,
    });
    await expect(
      s.client.conversions.quote({ body: { sellCurrency: "USD", buyCurrency: "SGD", amount: 10 } }),
    ).rejects.toBeInstanceOf(WallexRateLimitError);
    expect(calls(s, "/v2/conversions/quote")).toBe(1);
  });

  it("a POST that times out is an unknown outcome, not retried", async () => {
    s = await setup({
      intercept: (req) => (req.url.endsWith("/v2/conversions/quote") ? never() : undefined),
    });
    await s.control.topUp({ currency: "USD", amount: 1000 });
    await s.client.currencies.list();
    const err = await s.client.conversions
      .quote({ body: { sellCurrency: "USD", buyCurrency: "SGD", amount: 10 } }, { timeoutMs: 100 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(WallexUnknownOutcomeError);
    expect(err.userMessage).toMatch(/check its status/);
    expect(calls(s, "/v2/conversions/quote")).toBe(1);
    expect(s.logs.at(-1)).toMatchObject({ operation: "conversions.quote", errorKind: "timeout", willRetry: false });
  });

  it("a POST with a network error or a gateway 504 is an unknown outcome", async () => {
    let mode: "throw" | "504" = "throw";
    s = await setup({
      intercept: (req) => {
        if (!req.url.endsWith("/v2/payments/x-1/fund")) return undefined;
        if (mode === "throw") throw new TypeError("socket hang up");
        return new Response("Gateway Timeout", { status: 504 });
      },
    });
    await expect(s.client.payments.fund({ simplePaymentId: "x-1" })).rejects.toBeInstanceOf(WallexUnknownOutcomeError);
    mode = "504";
    await expect(s.client.payments.fund({ simplePaymentId: "x-1" })).rejects.toBeInstanceOf(WallexUnknownOutcomeError);
    expect(calls(s, "/v2/payments/x-1/fund")).toBe(2);
  });

  it("the caller's AbortSignal stops the call", async () => {
    const ctrl = new AbortController();
    s = await setup({
      intercept: (req) => {
        if (!req.url.endsWith("/v2/balances")) return undefined;
        ctrl.abort(); // once the request is out
        return never();
      },
    });
    await s.client.currencies.list();
    await expect(s.client.balances.list({}, { signal: ctrl.signal })).rejects.toBeInstanceOf(WallexConnectionError);
    expect(calls(s, "/v2/balances")).toBe(1);
  });
});
