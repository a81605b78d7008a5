import { expect, it } from "vitest";
import { createMemoryRateLimiter, type RateLimiter } from "../rate-limiter";
import { setup } from "./setup";

it("debug", async () => {
  const inner = createMemoryRateLimiter();
  const admitted: number[] = [];
  const limiter: RateLimiter = { acquire: async (k, n, sig) => { await inner.acquire(k, n, sig); admitted.push(performance.now()); } };
  const s = await setup({ client: { maxRequestsPerSecond: 20, rateLimiter: limiter } });
  await Promise.all(Array.from({ length: 40 }, () => s.client.currencies.list()));
  const t0 = s.sent[0].at;
  console.log("sent", s.sent.map((r) => Math.round(r.at - t0)).join(","));
  console.log("adm ", admitted.map((a) => Math.round(a - t0)).join(","));
  console.log("paths", s.sent.map((r) => r.url.pathname.slice(4, 8)).join(","));
  await s.close();
  expect(1).toBe(1);
});
