import { eq } from "drizzle-orm";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { wallexConnections } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { setEnv } from "@/lib/env";
import { connectEmbeddedSandboxAsSystem, registerWebhookAsSystem } from "@/lib/testing/wallex";
import { webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { createPartner } from "@/lib/testing/factories";
import { closeEmbeddedSandbox, getEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { DEMO_PARTNER_CREDENTIALS } from "@/lib/wallex/sandbox";
import { DELETE, GET, OPTIONS, PATCH, POST, PUT } from "./route";

const APP = "http://localhost:3000";
const HELPER_TOKEN = "route-test-helper-token-0123456789abcdef";
const handlers = { GET, POST, PUT, PATCH, DELETE, OPTIONS } as const;

function call(
  method: keyof typeof handlers,
  path: string,
  init: { headers?: Record<string, string>; body?: unknown } = {},
) {
  const headers = { "content-type": "application/json", ...init.headers };
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return handlers[method](new Request(`${APP}/api/wallex-sandbox${path}`, { method, headers, body }));
}

async function tenantOnSandbox(name: string) {
  const partner = await createPartner(name);
  await connectEmbeddedSandboxAsSystem(getDb(), partner);
  const [row] = await getDb().select().from(wallexConnections).where(eq(wallexConnections.partnerId, partner.id));
  const creds = {
    apiKey: decryptSecret(row.apiKey),
    accessKeyId: decryptSecret(row.accessKeyId),
    secretAccessKey: decryptSecret(row.secretAccessKey),
  };
  const auth = await call("POST", "/v2/authenticate", { headers: { "x-api-key": creds.apiKey }, body: creds });
  expect(auth.status).toBe(200);
  const { token } = (await auth.json()) as { token: string };
  return { partner, creds, headers: { "x-api-key": creds.apiKey, authorization: `Bearer ${token}` } };
}

describe("with WALLEX_SANDBOX_EMBEDDED off", () => {
  beforeAll(() => setEnv("WALLEX_SANDBOX_EMBEDDED", "false"));

  test("every sandbox path is a 404, and nothing opens the sandbox", async () => {
    const probes: [keyof typeof handlers, string][] = [
      ["POST", "/v2/authenticate"],
      ["GET", "/v2/users"],
      ["PUT", "/v2/webhooks"],
      ["PATCH", "/v2/webhooks"],
      ["DELETE", "/v2/beneficiaries/x"],
      ["GET", "/_sandbox"],
      ["GET", "/_sandbox/requests"],
      ["POST", "/_sandbox/reset"],
      ["POST", "/_sandbox/webhooks/emit"],
      ["OPTIONS", "/_sandbox/requests"],
    ];
    for (const [method, path] of probes) {
      const response = await call(method, path, { headers: { "x-api-key": DEMO_PARTNER_CREDENTIALS.apiKey } });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    await expect(getEmbeddedSandbox()).rejects.toThrow(/off/);
  });
});

describe("with WALLEX_SANDBOX_EMBEDDED on", () => {
  beforeAll(() => {
    setEnv("WALLEX_SANDBOX_EMBEDDED", "true");
    setEnv("WALLEX_SANDBOX_HELPER_TOKEN", HELPER_TOKEN);
  });
  afterAll(() => closeEmbeddedSandbox());

  test("the static demo credentials do not let anyone in", async () => {
    const { apiKey, accessKeyId, secretAccessKey } = DEMO_PARTNER_CREDENTIALS;
    expect(
      (
        await call("POST", "/v2/authenticate", {
          headers: { "x-api-key": apiKey },
          body: { accessKeyId, secretAccessKey },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call("GET", "/_sandbox/requests", {
          headers: { "x-api-key": apiKey, "x-sandbox-helper-token": HELPER_TOKEN },
        })
      ).status,
    ).toBe(403);
  });

  test("helpers need a signed-in staff member or the helper token", async () => {
    const a = await tenantOnSandbox("Helpers A");
    for (const path of ["/_sandbox/requests", "/_sandbox", "/%5Fsandbox/requests", "/_sandbox/../_sandbox/requests"]) {
      expect((await call("GET", path, { headers: { "x-api-key": a.creds.apiKey } })).status, path).toBe(401);
    }
    expect((await call("POST", "/_sandbox/reset", { headers: { "x-api-key": a.creds.apiKey } })).status).toBe(401);
    const wrong = { "x-api-key": a.creds.apiKey, "x-sandbox-helper-token": `${HELPER_TOKEN.slice(0, -1)}x` };
    expect((await call("POST", "/_sandbox/webhooks/emit", { headers: wrong, body: {} })).status).toBe(401);
    // (A forged session cookie is covered by e2e/embedded-sandbox.spec.ts: next-auth needs a request scope.)

    const ok = await call("GET", "/_sandbox/requests", {
      headers: { "x-api-key": a.creds.apiKey, "x-sandbox-helper-token": HELPER_TOKEN },
    });
    expect(ok.status).toBe(200);
  });

  test("helper CORS answers only this app's origin", async () => {
    const a = await tenantOnSandbox("CORS A");
    const from = (origin: string) =>
      call("GET", "/_sandbox/requests", {
        headers: { origin, "x-api-key": a.creds.apiKey, "x-sandbox-helper-token": HELPER_TOKEN },
      });
    expect((await from(APP)).headers.get("access-control-allow-origin")).toBe(APP);
    expect((await from("http://evil.test")).headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await call("OPTIONS", "/_sandbox/requests", {
      headers: {
        origin: "http://evil.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-api-key",
      },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("a webhook can point only at the tenant's own receiver on this app", async () => {
    const a = await tenantOnSandbox("Webhooks A");
    const b = await tenantOnSandbox("Webhooks B");
    for (const url of [
      "http://169.254.169.254/latest/meta-data",
      "https://attacker.example/hook",
      webhookUrlFor(b.partner.id),
    ]) {
      const refused = await call("PUT", "/v2/webhooks", { headers: a.headers, body: { url, headers: { "x-a": "1" } } });
      expect(refused.status, url).toBe(400);
    }
    expect(
      (await call("PUT", "/v2/webhooks", { headers: a.headers, body: { url: webhookUrlFor(a.partner.id) } })).status,
    ).toBe(200);
  });

  test("two tenants on the embedded sandbox see neither each other's objects nor webhooks", async () => {
    const db = getDb();
    const a = await tenantOnSandbox("Tenant A");
    const b = await tenantOnSandbox("Tenant B");
    expect(a.creds.apiKey).not.toBe(b.creds.apiKey);
    const clientA = await wallexClientFor(db, mintJobScope(a.partner.id, "test"));
    const clientB = await wallexClientFor(db, mintJobScope(b.partner.id, "test"));
    const user = await clientA.users.signup({
      body: {
        email: "tenant-a-member@example.com",
        firstName: "Mei",
        lastName: "Tan",
        countryCode: "SG",
        accountType: "individual",
      },
    });
    const seenByB = await call("GET", `/v2/users/${user.id}`, { headers: b.headers });
    expect(seenByB.status).toBe(404);

    await registerWebhookAsSystem(db, a.partner.id);
    await registerWebhookAsSystem(db, b.partner.id);
    expect((await clientA.webhooks.retrieve()).url).toBe(webhookUrlFor(a.partner.id));
    expect((await clientB.webhooks.retrieve()).url).toBe(webhookUrlFor(b.partner.id));
    // B's helper calls act on B's sandbox identity only.
    const emitted = await call("GET", "/_sandbox/webhooks/deliveries", {
      headers: { "x-api-key": b.creds.apiKey, "x-sandbox-helper-token": HELPER_TOKEN },
    });
    const deliveries = (await emitted.json()) as { data: { payload: { resourceId: string } }[] };
    expect(deliveries.data.map((d) => d.payload.resourceId)).not.toContain(user.id);
  });
});
