import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { getDb } from "@/db";
import { auditEvents, wallexConnections, wallexTokens } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { decryptSecret } from "@/lib/crypto";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { DEMO_PARTNER_CREDENTIALS } from "@/lib/wallex/sandbox";
import { webhookUrlFor } from "@/lib/wallex/inbox/intake-address";

// Stand-ins only for what needs a live Next.js request; the action, the service, the sandbox over
// HTTP and the database run for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/request-context", () => ({
  getRequestMeta: async () => ({ requestId: "req-save", ip: "127.0.0.1", userAgent: "vitest" }),
}));
const { saveWallexConnectionAction } = await import("./save-wallex-connection");

const db = getDb();
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

async function signedInAdmin() {
  const staff = await createStaff(await createPartner(), "admin");
  session.user = staff.scope.user;
  return staff.scope;
}
const connectionRow = async (partnerId: string) =>
  (await db.select().from(wallexConnections).where(eq(wallexConnections.partnerId, partnerId)))[0];
const auditActions = async (partnerId: string) =>
  (
    await db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.partnerId, partnerId),
          inArray(auditEvents.action, ["settings.wallex_connection_saved", "settings.webhook_registered"]),
        ),
      )
      .orderBy(auditEvents.seq)
  ).map((r) => r.action);

test("one save stores the connection with the webhook Wallex now points at, and both audit rows", async () => {
  const scope = await signedInAdmin();
  const form = {
    partnerSlug: scope.partnerSlug,
    baseUrl: sandbox.url,
    requestsPerSecond: "5",
    ...DEMO_PARTNER_CREDENTIALS,
  };
  expect(await saveWallexConnectionAction(undefined, form)).toEqual({ ok: true, data: { webhookError: null } });

  const row = await connectionRow(scope.partnerId);
  expect(row).toMatchObject({ baseUrl: sandbox.url, kind: "wallex", webhookRegisteredAt: expect.any(Date) });
  const subscription = await (await wallexClientFor(db, scope)).webhooks.retrieve();
  expect(subscription.url).toBe(webhookUrlFor(scope.partnerId));
  expect(Object.values(subscription.headers ?? {})).toContain(decryptSecret(row.webhookSecret!));
  expect(await auditActions(scope.partnerId)).toEqual([
    "settings.wallex_connection_saved",
    "settings.webhook_registered",
  ]);
});

test("the token taken to register the webhook is not left for other processes before the row is stored", async () => {
  const scope = await signedInAdmin();
  const form = {
    partnerSlug: scope.partnerSlug,
    baseUrl: sandbox.url,
    requestsPerSecond: "5",
    ...DEMO_PARTNER_CREDENTIALS,
  };
  await saveWallexConnectionAction(undefined, form);
  expect(await db.select().from(wallexTokens).where(eq(wallexTokens.partnerId, scope.partnerId))).toEqual([]);
});

test("when Wallex cannot be reached the connection is saved all the same, with its row, and the answer says so", async () => {
  const scope = await signedInAdmin();
  const form = {
    partnerSlug: scope.partnerSlug,
    baseUrl: "http://127.0.0.1:9",
    requestsPerSecond: "5",
    ...DEMO_PARTNER_CREDENTIALS,
  };
  const result = await saveWallexConnectionAction(undefined, form);
  expect(result).toMatchObject({ ok: true, data: { webhookError: expect.stringMatching(/reach|respond|connect/i) } });
  expect(await connectionRow(scope.partnerId)).toMatchObject({ baseUrl: "http://127.0.0.1:9", webhookSecret: null });
  expect(await auditActions(scope.partnerId)).toEqual(["settings.wallex_connection_saved"]);
}, 60_000);

test("a refused form writes neither the connection nor an audit row", async () => {
  const scope = await signedInAdmin();
  const form = {
    partnerSlug: scope.partnerSlug,
    baseUrl: sandbox.url,
    requestsPerSecond: "5",
    apiKey: "",
    accessKeyId: "",
    secretAccessKey: "",
  };
  expect(await saveWallexConnectionAction(undefined, form)).toMatchObject({
    ok: false,
    fieldErrors: { apiKey: ["Required for a new connection."] },
  });
  expect(await connectionRow(scope.partnerId)).toBeUndefined();
  expect(await auditActions(scope.partnerId)).toEqual([]);
});
