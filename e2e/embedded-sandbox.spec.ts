import { expect, test } from "@playwright/test";
import { DEMO_PARTNER_CREDENTIALS } from "../lib/wallex/sandbox";

// The demo tenant's default Wallex base URL is the sandbox the app embeds; it must answer like Wallex.
test("the embedded sandbox authenticates the demo partner and refuses unknown keys", async ({ request }) => {
  const { apiKey, accessKeyId, secretAccessKey } = DEMO_PARTNER_CREDENTIALS;
  const ok = await request.post("/api/wallex-sandbox/v2/authenticate", {
    headers: { "X-Api-Key": apiKey, "X-Request-ID": "e2e-embedded" },
    data: { accessKeyId, secretAccessKey },
  });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["x-request-id"]).toBe("e2e-embedded");
  const { token } = await ok.json();
  expect(token).toEqual(expect.any(String));

  const users = await request.get("/api/wallex-sandbox/v2/users", { headers: { "X-Api-Key": apiKey, Authorization: `Bearer ${token}` } });
  expect(users.status()).toBe(200);
  expect(await users.json()).toMatchObject({ data: expect.any(Array) });

  const refused = await request.post("/api/wallex-sandbox/v2/authenticate", { headers: { "X-Api-Key": "nope" }, data: { accessKeyId, secretAccessKey } });
  expect(refused.status()).toBe(403);
});
