import { DEMO_PARTNER_CREDENTIALS } from "../lib/wallex/sandbox";
import { E2E_SANDBOX_HELPER_TOKEN } from "./fixtures/accounts";
import { signInAs } from "./fixtures/session";
import { expect, test } from "./fixtures/test";

test.use({ tenantOptions: { sandbox: "connected" } });

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

test("its helpers answer only staff of the key's partner, or the test helper token", async ({
  browser,
  request,
  tenant,
  neighbour,
}) => {
  const helper = "/api/wallex-sandbox/_sandbox/features";
  const ofTenant = { "X-Partner-Slug": tenant.slug };
  expect((await request.get(helper, { headers: ofTenant })).status()).toBe(401);
  expect(
    (
      await request.get(helper, {
        headers: { "X-Api-Key": DEMO_PARTNER_CREDENTIALS.apiKey, Cookie: "authjs.session-token=forged" },
      })
    ).status(),
  ).toBe(401);
  expect((await request.post("/api/wallex-sandbox/_sandbox/reset", { headers: ofTenant })).status()).toBe(401);
  // The token lets tests in, but only with a key the sandbox issued.
  expect(
    (
      await request.get(helper, {
        headers: { "X-Sandbox-Helper-Token": E2E_SANDBOX_HELPER_TOKEN, "X-Api-Key": DEMO_PARTNER_CREDENTIALS.apiKey },
      })
    ).status(),
  ).toBe(403);

  const operator = await browser.newContext();
  await signInAs(operator, tenant.operator);
  const features = await operator.request.get(helper, { headers: ofTenant });
  expect(features.status()).toBe(200);
  expect(await features.json()).toMatchObject({ signup: true });

  // Another tenant's admin is refused on this partner's sandbox identity, and has none of its own.
  const other = await browser.newContext();
  await signInAs(other, neighbour.admin);
  expect((await other.request.get(helper, { headers: ofTenant })).status()).toBe(403);
  expect((await other.request.post("/api/wallex-sandbox/_sandbox/reset", { headers: ofTenant })).status()).toBe(403);
  expect((await other.request.get(helper, { headers: { "X-Partner-Slug": neighbour.slug } })).status()).toBe(403);
});
