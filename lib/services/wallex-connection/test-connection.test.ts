import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditedFor } from "@/lib/audit/audited";
import type { StaffScope } from "@/lib/auth/tenant-scope";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { DEMO_PARTNER_CREDENTIALS } from "@/lib/wallex/sandbox";
import { startStandalone } from "@/lib/wallex/sandbox/server";
import { saveWallexConnection, type ConnectionInput } from "./save";
import { testWallexConnection } from "./test-connection";

const db = getDb();
/** The save alone, as the form's action makes it, without telling Wallex about the webhook. */
const save = (scope: StaffScope, input: ConnectionInput) =>
  saveWallexConnection(db, scope, input, auditedFor(db, scope, "settings.wallex_connection_saved"), {
    registerWebhook: false,
  });
let sandbox: Awaited<ReturnType<typeof startStandalone>>;

beforeAll(async () => {
  sandbox = await startStandalone({
    WALLEX_SANDBOX_PORT: "0",
    WALLEX_SANDBOX_DATABASE_URL: "memory",
    WALLEX_SANDBOX_AUTO_PROGRESS: "off",
  });
});
afterAll(() => sandbox.stop());

async function adminConnectedTo(baseUrl: string, credentials: { apiKey?: string; secretAccessKey?: string } = {}) {
  const { scope } = await createStaff(await createPartner(), "admin");
  await save(scope, { baseUrl, ...DEMO_PARTNER_CREDENTIALS, ...credentials });
  return scope;
}

describe("Test connection, against the standalone sandbox over HTTP", () => {
  test("authenticates and reads the currencies", async () => {
    const scope = await adminConnectedTo(sandbox.url);
    const result = await testWallexConnection(db, scope);
    expect(result.currencies).toBeGreaterThan(0);
  });

  test("names the credential Wallex refused", async () => {
    const badSecret = await adminConnectedTo(sandbox.url, { secretAccessKey: "wrong-secret" });
    await expect(testWallexConnection(db, badSecret)).rejects.toMatchObject({
      userMessage: expect.stringMatching(/access key ID or secret/),
    });
    const badKey = await adminConnectedTo(sandbox.url, { apiKey: "wrong-key" });
    await expect(testWallexConnection(db, badKey)).rejects.toMatchObject({
      userMessage: expect.stringMatching(/refused the API key/),
    });
  });

  test("says when the base URL cannot be reached", async () => {
    const scope = await adminConnectedTo("http://127.0.0.1:9");
    await expect(testWallexConnection(db, scope)).rejects.toMatchObject({
      userMessage: expect.stringMatching(/could not be reached/),
    });
  }, 60_000);
});
