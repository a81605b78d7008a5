import { afterEach, describe, expect, it } from "vitest";
import { createWallexClient } from "../index";
import { createMemoryRateLimiter } from "../rate-limiter";
import { systemClock } from "../../sandbox";
import { setup, type Setup } from "./setup";

/** The most requests seen in any window of `ms` starting at a request. */
function maxInWindow(times: number[], ms: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i] - t[j] >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe("per-tenant rate limit", () => {
  let s: Setup;
  afterEach(() => s?.close());

  it("a burst of 40 calls at 20/s never exceeds 20 in any second; callers queue, none fails", async () => {
    s = await setup({ client: { maxRequestsPerSecond: 20 } });
    // Warm up fetch, Request and AbortSignal on another tenant: a cold first request can leave its lane
    // tens of ms after admission, which would skew the measurement below.
    await createWallexClient({ ...s.options, tenant: "warm-up" }).currencies.list();
    s.sent.length = 0;
    const started = performance.now();
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => s.client.currencies.list()));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(s.sent).toHaveLength(41); // + authenticate
    // Measured where requests leave, 50 ms short of a second: slack for the scheduler between the limiter's
    // admission and the fetch when CI is loaded (the limiter itself keeps 1050 ms between grants i and i+20).
    expect(
      maxInWindow(
        s.sent.map((r) => r.at),
        950,
      ),
    ).toBeLessThanOrEqual(20);
    expect(performance.now() - started).toBeGreaterThan(2000 - 50);
  });

  it("default 5/s against a sandbox that enforces 5/s: 15 calls, no 429", async () => {
    s = await setup({
      sandbox: { rateLimit: { perSecond: 5 }, clock: systemClock() },
      client: { maxRequestsPerSecond: undefined, retry: { maxRetries: 0 } },
    });
    const results = await Promise.allSettled(Array.from({ length: 15 }, () => s.client.currencies.list()));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(
      maxInWindow(
        s.sent.map((r) => r.at),
        950,
      ),
    ).toBeLessThanOrEqual(5);
    expect(s.control.requests().filter((r) => r.status === 429)).toEqual([]);
  });

  it("tenants have separate lanes on one shared limiter", async () => {
    const limiter = createMemoryRateLimiter();
    const started = performance.now();
    await Promise.all([...Array(4)].flatMap(() => [limiter.acquire("a", 4), limiter.acquire("b", 4)]));
    expect(performance.now() - started).toBeLessThan(500);
    await limiter.acquire("a", 4);
    expect(performance.now() - started).toBeGreaterThan(900);
  });

  it("an aborted caller leaves the queue", async () => {
    const limiter = createMemoryRateLimiter();
    await limiter.acquire("a", 1);
    const ctrl = new AbortController();
    const waiting = limiter.acquire("a", 1, ctrl.signal);
    ctrl.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
  });
});
