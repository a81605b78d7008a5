import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditedFor } from "@/lib/audit/audited";
import type { StaffScope } from "@/lib/auth/tenant-scope";
import { wallexConnections } from "@/db/schema";
import { setEnv } from "@/lib/env";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { closeEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { saveWallexConnection, type ConnectionInput } from "./save";

const db = getDb();
/** The save alone, as the form's action makes it, without telling Wallex about the webhook. */
const save = (scope: StaffScope, input: ConnectionInput) =>
  saveWallexConnection(db, scope, input, auditedFor(db, scope, "settings.wallex_connection_saved"), {
    registerWebhook: false,
  });
const blank = { apiKey: "", accessKeyId: "", secretAccessKey: "" };
const rowOf = async (partnerId: string) =>
  (await db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partnerId)))[0];

describe("Settings and the embedded sandbox: the row's kind decides, not the address text", () => {
  beforeAll(() => {
    setEnv("WALLEX_SANDBOX_EMBEDDED", "true");
    setEnv("APP_URL", "http://localhost:3000");
  });
  afterAll(async () => {
    await closeEmbeddedSandbox();
    setEnv("APP_URL", "http://localhost:3000");
  });

  test("any loopback spelling of the sandbox's address chooses it", async () => {
    const { scope } = await createStaff(await createPartner(), "admin");
    await save(scope, { baseUrl: "http://127.0.0.1:3000/api/wallex-sandbox/", ...blank });
    expect(await rowOf(scope.partnerId)).toMatchObject({
      kind: "embedded_sandbox",
      baseUrl: "http://localhost:3000/api/wallex-sandbox",
    });
  });

  test("after APP_URL changed, re-saving the shown address keeps the tenant and its identity on the sandbox", async () => {
    const { scope } = await createStaff(await createPartner(), "admin");
    await save(scope, { baseUrl: "http://localhost:3000/api/wallex-sandbox", ...blank });
    const before = await rowOf(scope.partnerId);

    setEnv("APP_URL", "http://localhost:3300");
    await closeEmbeddedSandbox(); // a restart on the new address
    // The client reaches the sandbox before anything rewrote the row.
    expect((await (await wallexClientFor(db, scope)).webhooks.retrieve()).url).toBeNull();

    await save(scope, { baseUrl: before.baseUrl, ...blank, requestsPerSecond: 2 });
    const after = await rowOf(scope.partnerId);
    expect(after).toMatchObject({
      kind: "embedded_sandbox",
      baseUrl: "http://localhost:3300/api/wallex-sandbox",
      requestsPerSecond: 2,
      apiKey: before.apiKey,
    });
    await (await wallexClientFor(db, scope)).webhooks.retrieve();
  });
});
