import { afterEach, describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "../rate-limiter";
import { setup, type Setup } from "./setup";
import { virtualTime } from "./virtual-time";

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

  // On virtual time (./virtual-time.ts): requests leave when the limiter admits them, and a second
  // passes only when the limiter waits for it, so a loaded machine cannot bunch or spread them.
  it("a burst of 40 calls at 20/s never exceeds 20 in any second; callers queue, none fails", async () => {
    const time = virtualTime();
    s = await setup({ client: { maxRequestsPerSecond: 20 }, time });
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => s.client.currencies.list()));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(s.sent).toHaveLength(41); // + authenticate
    const at = s.sent.map((r) => r.at);
    expect(maxInWindow(at, 1000)).toBe(20);
    // 41 requests at 20 a second: three windows, each 1050 ms (the limiter's margin) after the last.
    expect(Math.max(...at) - Math.min(...at)).toBeGreaterThanOrEqual(2 * 1050);
    expect(time.now()).toBeLessThan(3 * 1050);
  });

  it("default 5/s against a sandbox that enforces 5/s: 15 calls, no 429", async () => {
    const time = virtualTime();
    s = await setup({
      sandbox: { rateLimit: { perSecond: 5 } },
      client: { maxRequestsPerSecond: undefined, retry: { maxRetries: 0 } },
      time,
    });
    const results = await Promise.allSettled(Array.from({ length: 15 }, () => s.client.currencies.list()));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(
      maxInWindow(
        s.sent.map((r) => r.at),
        1000,
      ),
    ).toBe(5);
    // The sandbox's own accounting, on the same clock: it never had to refuse one.
    expect(s.control.requests()).toHaveLength(16);
    expect(s.control.requests().filter((r) => r.status === 429)).toEqual([]);
  });

  it("the sandbox's limit is real: the same burst without the client's limiter meets 429s", async () => {
    s = await setup({
      sandbox: { rateLimit: { perSecond: 5 } },
      client: { maxRequestsPerSecond: 1000, retry: { maxRetries: 0 } },
      time: virtualTime(),
    });
    const results = await Promise.allSettled(Array.from({ length: 15 }, () => s.client.currencies.list()));
    expect(results.filter((r) => r.status === "rejected").length).toBeGreaterThan(0);
    expect(s.control.requests().filter((r) => r.status === 429).length).toBeGreaterThan(0);
  });

  it("tenants have separate lanes on one shared limiter", async () => {
    const time = virtualTime();
    const limiter = createMemoryRateLimiter({ now: time.now, sleep: time.sleep });
    await Promise.all([...Array(4)].flatMap(() => [limiter.acquire("a", 4), limiter.acquire("b", 4)]));
    expect(time.slept).toEqual([]); // 4 each: no one waits for the other tenant
    await limiter.acquire("a", 4);
    expect(time.slept).toEqual([1051]); // a's fifth waits out a's own window (1 s + 50 ms margin)
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
