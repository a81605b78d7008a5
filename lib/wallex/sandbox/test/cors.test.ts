import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWallexSandbox, DEMO_PARTNER_CREDENTIALS, type WallexSandbox } from "../index";

describe("test helpers from a browser", () => {
  let sandbox: WallexSandbox;
  beforeAll(async () => {
    sandbox = await createWallexSandbox({ rateLimit: false, autoProgress: false });
  });
  afterAll(() => sandbox.close());

  it("answers the CORS preflight and allows the helper call from another origin", async () => {
    const origin = "http://localhost:3000";
    const preflight = await sandbox.fetch(
      new Request("http://sandbox.test/_sandbox/requests", {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "x-api-key",
        },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const call = await sandbox.fetch(
      new Request("http://sandbox.test/_sandbox/requests", {
        headers: { Origin: origin, "X-Api-Key": DEMO_PARTNER_CREDENTIALS.apiKey },
      }),
    );
    expect(call.status).toBe(200);
    expect(call.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("keeps the Wallex API itself free of CORS headers", async () => {
    const response = await sandbox.fetch(
      new Request("http://sandbox.test/v2/currencies", { headers: { Origin: "http://evil.test" } }),
    );
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
