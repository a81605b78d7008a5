import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditedFor } from "@/lib/audit/audited";
import type { StaffScope } from "@/lib/auth/tenant-scope";
import { wallexConnections } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { setEnv } from "@/lib/env";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { DEMO_PARTNER_CREDENTIALS } from "@/lib/wallex/sandbox";
import { NEW_HOST_NEEDS_SECRETS, saveWallexConnection, type ConnectionInput } from "./save";
import { testWallexConnection } from "./test-connection";

const db = getDb();
/** The save alone, as the form's action makes it, without telling Wallex about the webhook. */
const save = (scope: StaffScope, input: ConnectionInput) =>
  saveWallexConnection(db, scope, input, auditedFor(db, scope, "settings.wallex_connection_saved"), {
    registerWebhook: false,
  });
const blank = { apiKey: "", accessKeyId: "", secretAccessKey: "" };
let sandbox: TestSandbox;
// A host that counts every request made to it: nothing may reach it without fresh credentials.
let listener: Server;
let hits = 0;
let listenerUrl = "";

beforeAll(async () => {
  sandbox = await startTestSandbox();
  listener = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "application/json" }).end('{"token":"x"}');
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sandbox.stop();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

async function connected() {
  const { scope } = await createStaff(await createPartner(), "admin");
  await save(scope, { baseUrl: sandbox.url, ...DEMO_PARTNER_CREDENTIALS });
  return scope;
}
const rowOf = async (partnerId: string) =>
  (await db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partnerId)))[0];

describe("changing the base URL", () => {
  test("a new host with the secrets left blank is a field error, changes nothing and sends nothing there", async () => {
    const scope = await connected();
    const before = await rowOf(scope.partnerId);
    for (const secrets of [
      blank,
      { ...blank, apiKey: "new-key" },
      { ...DEMO_PARTNER_CREDENTIALS, secretAccessKey: "" },
    ]) {
      await expect(save(scope, { baseUrl: `${listenerUrl}/v2`, ...secrets })).rejects.toMatchObject({
        fieldErrors: { baseUrl: [NEW_HOST_NEEDS_SECRETS] },
      });
    }
    expect(await rowOf(scope.partnerId)).toEqual(before);
    await testWallexConnection(db, scope); // still the sandbox, with the stored secrets
    expect(hits).toBe(0);
  });

  test("the same host keeps the stored secrets; a new host with every secret takes them", async () => {
    const scope = await connected();
    await save(scope, { baseUrl: `${sandbox.url}/`, ...blank, requestsPerSecond: 3 });
    expect((await rowOf(scope.partnerId)).requestsPerSecond).toBe(3);
    await testWallexConnection(db, scope);

    await save(scope, {
      baseUrl: listenerUrl,
      apiKey: "k-new",
      accessKeyId: "id-new",
      secretAccessKey: "s-new",
    });
    const row = await rowOf(scope.partnerId);
    expect(row).toMatchObject({ kind: "wallex", secretsOrigin: listenerUrl, baseUrl: listenerUrl });
    expect(decryptSecret(row.secretAccessKey)).toBe("s-new");
  });

  test("stored secrets are never sent to a host other than the one they were saved for", async () => {
    const scope = await connected();
    // However the row came to point elsewhere (an old release, a hand edit), the client refuses.
    await db
      .update(wallexConnections)
      .set({ baseUrl: `${listenerUrl}/v2` })
      .where(eq(wallexConnections.partnerId, scope.partnerId));
    const before = hits;
    await expect(wallexClientFor(db, scope)).rejects.toMatchObject({
      userMessage: expect.stringMatching(/saved for another host/),
    });
    await expect(testWallexConnection(db, scope)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(hits).toBe(before);
  });

  test("plain http is refused except on loopback while developing", async () => {
    const scope = await connected();
    for (const baseUrl of ["http://api.wallex.example", "ftp://api.wallex.example", "http://user:pw@127.0.0.1:1"]) {
      await expect(save(scope, { baseUrl, ...DEMO_PARTNER_CREDENTIALS })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { baseUrl: [expect.any(String)] },
      });
    }
    expect((await rowOf(scope.partnerId)).baseUrl).toBe(sandbox.url);
  });
});

describe("in production", () => {
  beforeAll(() => setEnv("NODE_ENV", "production"));
  afterAll(() => setEnv("NODE_ENV", "test"));

  test("loopback http is refused too, and hosts resolving to internal addresses are refused", async () => {
    const scope = await createStaff(await createPartner(), "admin").then((s) => s.scope);
    const refusals: [string, RegExp][] = [
      [listenerUrl, /https/],
      [`https://127.0.0.1:${new URL(listenerUrl).port}`, /private or internal/],
      ["https://localhost", /private or internal/],
      ["https://169.254.169.254/latest", /private or internal/],
      ["https://[::ffff:10.0.0.1]", /private or internal/],
      ["https://[fd00::1]", /private or internal/],
      ["https://100.64.0.10", /private or internal/],
      ["https://wallex.invalid", /could not be found/],
    ];
    for (const [baseUrl, message] of refusals) {
      await expect(save(scope, { baseUrl, ...DEMO_PARTNER_CREDENTIALS }), baseUrl).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { baseUrl: [expect.stringMatching(message)] },
      });
    }
    expect(await rowOf(scope.partnerId)).toBeUndefined();
    expect(hits).toBe(0);
  });

  test("a stored base URL that points inward now is not called either", async () => {
    setEnv("NODE_ENV", "test");
    const scope = await connected();
    const internalUrl = `https://127.0.0.1:${new URL(listenerUrl).port}`;
    await db
      .update(wallexConnections)
      .set({ baseUrl: internalUrl, secretsOrigin: internalUrl })
      .where(eq(wallexConnections.partnerId, scope.partnerId));
    setEnv("NODE_ENV", "production");
    await expect(wallexClientFor(db, scope)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringMatching(/private or internal/),
    });
    expect(hits).toBe(0);
  });
});
