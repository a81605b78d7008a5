import { expect, test } from "@playwright/test";
import { DEMO_PARTNER_CREDENTIALS } from "../lib/wallex/sandbox";
import { DEMO_PASSWORD, E2E_SANDBOX_HELPER_TOKEN, OTHER_ADMIN, demo } from "./fixtures/accounts";
import { signIn } from "./fixtures/auth";

// The embedded sandbox (on for this test server only) knows no static partner: each tenant has its own identity.
test("the embedded sandbox refuses the published demo credentials", async ({ request }) => {
  const { apiKey, accessKeyId, secretAccessKey } = DEMO_PARTNER_CREDENTIALS;
  const refused = await request.post("/api/wallex-sandbox/v2/authenticate", {
    headers: { "X-Api-Key": apiKey, "X-Request-ID": "e2e-embedded" },
    data: { accessKeyId, secretAccessKey },
  });
  expect(refused.status()).toBe(403);
  // The request id is always our own, never the one the caller sent.
  expect(refused.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(
    (
      await request.post("/api/wallex-sandbox/v2/authenticate", { headers: { "X-Api-Key": "nope" }, data: {} })
    ).status(),
  ).toBe(403);
});

test("its helpers answer only staff of the key's partner, or the test helper token", async ({ browser, request }) => {
  const helper = "/api/wallex-sandbox/_sandbox/features";
  expect((await request.get(helper, { headers: { "X-Partner-Slug": "demo" } })).status()).toBe(401);
  expect(
    (
      await request.get(helper, {
        headers: { "X-Api-Key": DEMO_PARTNER_CREDENTIALS.apiKey, Cookie: "authjs.session-token=forged" },
      })
    ).status(),
  ).toBe(401);
  expect(
    (await request.post("/api/wallex-sandbox/_sandbox/reset", { headers: { "X-Partner-Slug": "demo" } })).status(),
  ).toBe(401);
  // The token lets tests in, but only with a key the sandbox issued.
  expect(
    (
      await request.get(helper, {
        headers: { "X-Sandbox-Helper-Token": E2E_SANDBOX_HELPER_TOKEN, "X-Api-Key": DEMO_PARTNER_CREDENTIALS.apiKey },
      })
    ).status(),
  ).toBe(403);

  const operator = await (await browser.newContext()).newPage();
  await signIn(operator, demo.operator, DEMO_PASSWORD);
  const features = await operator.request.get(helper, { headers: { "X-Partner-Slug": "demo" } });
  expect(features.status()).toBe(200);
  expect(await features.json()).toMatchObject({ signup: true });

  // Another tenant's admin is refused on the demo partner's sandbox identity.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, OTHER_ADMIN.email, OTHER_ADMIN.password, OTHER_ADMIN.totpSecret);
  expect((await other.request.get(helper, { headers: { "X-Partner-Slug": "demo" } })).status()).toBe(403);
  expect(
    (
      await other.request.post("/api/wallex-sandbox/_sandbox/reset", { headers: { "X-Partner-Slug": "demo" } })
    ).status(),
  ).toBe(403);
  expect((await other.request.get(helper, { headers: { "X-Partner-Slug": "other" } })).status()).toBe(403);
});
