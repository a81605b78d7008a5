import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startStandalone } from "../server";
import { Client } from "./harness";

describe("standalone server", () => {
  it("listens on the configured port with credentials from the environment", async () => {
    const { url, stop } = await startStandalone({
      WALLEX_SANDBOX_PORT: "0",
      WALLEX_SANDBOX_API_KEY: "env-key",
      WALLEX_SANDBOX_ACCESS_KEY_ID: "env-id",
      WALLEX_SANDBOX_SECRET_ACCESS_KEY: "env-secret",
      WALLEX_SANDBOX_RATE_LIMIT: "off",
      WALLEX_SANDBOX_DATABASE_URL: "memory",
    });
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const c = await new Client(url, "env-key").login("env-id", "env-secret");
      expect((await c.get("/v2/balances")).status).toBe(200);
      expect((await new Client(url).get("/v2/balances")).status).toBe(403);
    } finally {
      await stop();
    }
  });

  it("keeps its state in an embedded PGlite directory without a database URL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wallex-sandbox-"));
    const env = { WALLEX_SANDBOX_PORT: "0", WALLEX_SANDBOX_DATA_DIR: dir, WALLEX_SANDBOX_RATE_LIMIT: "off" };
    try {
      const first = await startStandalone(env);
      await new Client(first.url).post("/_sandbox/balances/top-up", { currency: "SGD", amount: 42 });
      await first.stop();
      const second = await startStandalone(env);
      const c = await new Client(second.url).login();
      expect((await c.get("/v2/balances/SGD")).body.amount).toBe(42);
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // two PGlite start-ups: over 30 s on a loaded machine (64 s seen at load 20)
});
