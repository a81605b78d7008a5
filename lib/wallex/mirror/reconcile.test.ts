import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import {
  wallexApiCalls,
  wallexDocuments,
  wallexFundings,
  wallexPayments,
  wallexTimeline,
  wallexUsers,
} from "@/db/schema";
import {
  approvedMember,
  connectedPartner,
  createdPayment,
  startTestSandbox,
  type TestSandbox,
} from "@/lib/testing/wallex";
import { reconcileEverything, reconcileOpen } from "./reconcile";

const db = getDb();
let sandbox: TestSandbox;
beforeAll(async () => {
  // Notifications go nowhere: the reconcile job alone must bring the mirror up to date.
  sandbox = await startTestSandbox({ webhookFetch: async () => new Response("down", { status: 503 }) });
});
afterAll(() => sandbox.stop());

describe("reconciling the mirror with Wallex", () => {
  test("open objects are re-read; a missed status change lands with a timeline entry", async () => {
    const { scope, client } = await connectedPartner(sandbox);
    const member = await approvedMember(sandbox, client);
    const { wallexId } = await createdPayment(client, scope, member.accountId);
    await client.payments.fund({ simplePaymentId: wallexId }, { onBehalfOf: { account: member.accountId } });
    await sandbox.sandbox.control.advancePayment(wallexId, "processing");

    const result = await reconcileOpen(db, scope);
    expect(result.failed).toBe(0);
    const [row] = await db.select().from(wallexPayments).where(eq(wallexPayments.wallexId, wallexId));
    expect(row.status).toBe("processing");
    const entries = await db
      .select()
      .from(wallexTimeline)
      .where(eq(wallexTimeline.wallexId, wallexId))
      .orderBy(wallexTimeline.at);
    expect(entries.map((e) => [e.status, e.source])).toEqual([
      ["awaiting_funds", "write"],
      ["processing", "reconcile"],
    ]);

    // Final objects are left alone.
    await sandbox.sandbox.control.advancePayment(wallexId, "in_transit");
    await sandbox.sandbox.control.advancePayment(wallexId, "completed");
    await reconcileOpen(db, scope);
    await reconcileOpen(db, scope);
    const reads = (
      await db
        .select()
        .from(wallexApiCalls)
        .where(and(eq(wallexApiCalls.partnerId, scope.partnerId), eq(wallexApiCalls.operation, "payments.retrieve")))
    ).length;
    await reconcileOpen(db, scope);
    const after = (
      await db
        .select()
        .from(wallexApiCalls)
        .where(and(eq(wallexApiCalls.partnerId, scope.partnerId), eq(wallexApiCalls.operation, "payments.retrieve")))
    ).length;
    expect(after).toBe(reads);
  });

  test("the daily pass lists everything: members and money we never saw come in", async () => {
    const { scope, client } = await connectedPartner(sandbox);
    const member = await approvedMember(sandbox, client, { currency: "USD", amount: 500 });
    const passport = await client.users.createDocument({
      userId: member.userId,
      body: { documentType: "passport", documentName: "passport.pdf" },
    });
    await reconcileEverything(db, scope);
    const [document] = await db
      .select()
      .from(wallexDocuments)
      .where(and(eq(wallexDocuments.partnerId, scope.partnerId), eq(wallexDocuments.wallexId, passport.id)));
    expect(document).toMatchObject({ parentId: member.userId, reference: "passport" });
    const [user] = await db
      .select()
      .from(wallexUsers)
      .where(and(eq(wallexUsers.partnerId, scope.partnerId), eq(wallexUsers.wallexId, member.userId)));
    expect(user).toMatchObject({ status: "approved", accountId: member.accountId });
    const fundings = await db
      .select()
      .from(wallexFundings)
      .where(and(eq(wallexFundings.partnerId, scope.partnerId), eq(wallexFundings.accountId, member.accountId)));
    expect(fundings.map((f) => [f.currency, f.amount, f.status])).toEqual([["USD", "500", "completed"]]);
  });
});
