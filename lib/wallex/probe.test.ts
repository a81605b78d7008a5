import { afterAll, beforeAll, expect, test } from "vitest";
import { createWallexClient } from "./client";
import { createMemoryRateLimiter } from "./client/rate-limiter";
import { createMemoryTokenStore } from "./client/token-store";
import { probeWallex } from "./probe";
import { createWallexSandbox, DEMO_PARTNER_CREDENTIALS, type WallexSandbox } from "./sandbox";

let sandbox: WallexSandbox;
beforeAll(async () => {
  sandbox = await createWallexSandbox({ rateLimit: false, autoProgress: false });
  // Something to list, so item reads have ids to probe with.
  await sandbox.control.topUp({ currency: "USD", amount: "100.00" } as never);
});
afterAll(() => sandbox.close());

test("the probe reads every GET operation of the table and finds the sandbox faithful to it", async () => {
  const client = createWallexClient({
    baseUrl: "http://sandbox.test",
    ...DEMO_PARTNER_CREDENTIALS,
    tenant: "probe",
    tokenStore: createMemoryTokenStore(),
    rateLimiter: createMemoryRateLimiter(),
    maxRequestsPerSecond: 1000,
    fetch: (input, init) => sandbox.fetch(new Request(input, init)),
  });
  const rows = await probeWallex(client);
  expect(rows.length).toBeGreaterThan(20);
  const problems = rows.filter((r) => !["ok", "skipped"].includes(r.outcome));
  expect(problems).toEqual([]);
  expect(rows.filter((r) => r.outcome === "ok").length).toBeGreaterThan(15);
});
