import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { getDb } from "@/db";
import { auditEvents, wallexApiCalls, wallexPayments, wallexUsers } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { createStaff } from "@/lib/testing/factories";
import {
  approvedMember,
  connectedPartner,
  createdPayment,
  startTestSandbox,
  type TestSandbox,
} from "@/lib/testing/wallex";
import { reconcileEverything } from "@/lib/wallex/mirror/reconcile";
import type { StaffRole } from "@/db/schema";

// Stand-ins only for what needs a live Next.js request; scope, permission, the service and the database run for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("@/lib/request-context", () => ({
  getRequestMeta: async () => ({ requestId: "refresh-test", ip: "127.0.0.1", userAgent: "vitest" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { refreshRecordAction } = await import("./refresh-record");

const db = getDb();
let sandbox: TestSandbox;
let partner = { id: "", slug: "" };
let memberRowId = "";
let paymentRowId = "";

beforeAll(async () => {
  sandbox = await startTestSandbox({ webhookFetch: async () => new Response("not now", { status: 503 }) });
  const { scope, client } = await connectedPartner(sandbox);
  partner = { id: scope.partnerId, slug: scope.partnerSlug };
  const member = await approvedMember(sandbox, client);
  const payment = await createdPayment(client, scope, member.accountId);
  await reconcileEverything(db, scope);
  [{ id: memberRowId }] = await db
    .select({ id: wallexUsers.id })
    .from(wallexUsers)
    .where(and(eq(wallexUsers.partnerId, partner.id), eq(wallexUsers.wallexId, member.userId)));
  [{ id: paymentRowId }] = await db
    .select({ id: wallexPayments.id })
    .from(wallexPayments)
    .where(and(eq(wallexPayments.partnerId, partner.id), eq(wallexPayments.wallexId, payment.wallexId)));
});
afterAll(() => sandbox.stop());

async function signInAs(role: StaffRole) {
  const { user } = await createStaff(partner, role);
  session.user = { id: user.id, email: user.email, name: user.name, sessionId: "refresh-test", hasTwoFactor: true };
  return user;
}

const refresh = (kind: "user" | "payment", recordId: string) =>
  refreshRecordAction(undefined, { partnerSlug: partner.slug, kind, recordId });

const retrieves = async (operation: string) =>
  (
    await db
      .select({ id: wallexApiCalls.id })
      .from(wallexApiCalls)
      .where(and(eq(wallexApiCalls.partnerId, partner.id), eq(wallexApiCalls.operation, operation)))
  ).length;

const auditRowsOf = async (userId: string) =>
  db
    .select({ action: auditEvents.action, targetId: auditEvents.targetId })
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.actorUserId, userId)));

describe("who may re-read a record from Wallex", () => {
  test("an operator refreshes a payment (the positive control)", async () => {
    const operator = await signInAs("operator");
    const before = await retrieves("payments.retrieve");
    expect(await refresh("payment", paymentRowId)).toMatchObject({ ok: true });
    expect(await retrieves("payments.retrieve")).toBe(before + 1);
    expect(await auditRowsOf(operator.id)).toEqual([{ action: "records.refreshed", targetId: expect.any(String) }]);
  });

  test("a viewer refreshes nothing: no call to Wallex, no audit row", async () => {
    const viewer = await signInAs("viewer");
    const before = [await retrieves("payments.retrieve"), await retrieves("users.retrieve")];
    for (const [kind, id] of [
      ["payment", paymentRowId],
      ["user", memberRowId],
    ] as const) {
      expect(await refresh(kind, id)).toEqual({
        ok: false,
        formError: "You do not have permission to do that.",
        fieldErrors: undefined,
        values: expect.any(Object),
      });
    }
    expect([await retrieves("payments.retrieve"), await retrieves("users.retrieve")]).toEqual(before);
    expect(await auditRowsOf(viewer.id)).toEqual([]);
  });

  test("compliance refreshes a member but not a payment", async () => {
    const compliance = await signInAs("compliance");
    const payments = await retrieves("payments.retrieve");
    expect(await refresh("payment", paymentRowId)).toMatchObject({
      ok: false,
      formError: "You do not have permission to do that.",
    });
    expect(await retrieves("payments.retrieve")).toBe(payments);
    expect(await auditRowsOf(compliance.id)).toEqual([]);

    const users = await retrieves("users.retrieve");
    expect(await refresh("user", memberRowId)).toMatchObject({ ok: true, data: { before: "approved" } });
    expect(await retrieves("users.retrieve")).toBe(users + 1);
    expect(await auditRowsOf(compliance.id)).toEqual([{ action: "records.refreshed", targetId: expect.any(String) }]);
  });
});
