import { describe, expect, it } from "vitest";
import { startStandalone } from "../server";
import { Client } from "./harness";

describe("standalone server", () => {
  it("listens on the configured port with credentials from the environment", async () => {
    const { url, stop } = await startStandalone({
      WALLEX_SANDBOX_PORT: "0", WALLEX_SANDBOX_API_KEY: "env-key", WALLEX_SANDBOX_ACCESS_KEY_ID: "env-id",
      WALLEX_SANDBOX_SECRET_ACCESS_KEY: "env-secret", WALLEX_SANDBOX_RATE_LIMIT: "off",
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
});
