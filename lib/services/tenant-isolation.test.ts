import { eq } from "drizzle-orm";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import {
  invitations,
  staffMemberships,
  wallexApiCalls,
  wallexConnections,
  wallexPayments,
  wallexUsers,
  webhookEvents,
} from "@/db/schema";
import {
  countMirrorRecords,
  getMemberAccount,
  getMirrorRecord,
  getMirrorRow,
  listMemberAccounts,
  listMirrorRecords,
} from "@/lib/data/mirror";
import { recordAudit } from "@/lib/audit/record";
import { findStaffScope } from "@/lib/auth/scope";
import { listApiCalls, listApiOperations } from "@/lib/data/api-calls";
import { listAuditActions, listAuditEvents } from "@/lib/data/audit";
import { getPartnerMail, listPartnerMail } from "@/lib/data/mailbox";
import { getPartnerOrThrow, getWallexConnectionView } from "@/lib/data/partners";
import { getMembershipOrThrow, listOpenInvitations, listTeam } from "@/lib/data/team";
import { listWebhookEvents, listWebhookFacets, requeueWebhookEvent } from "@/lib/data/webhook-events";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { saveWallexConnection, updatePartnerProfile } from "./settings";
import { changeRole, inviteStaff, removeStaff, resendInvitation, revokeInvitation } from "./team";

/**
 * Partner B's admin, holding only B's scope, aims at partner A's ids. Every read comes back empty
 * or NOT_FOUND and every write is refused, with A's rows unchanged. Later issues add their
 * services here.
 */
describe("tenant isolation", () => {
  let a: Awaited<ReturnType<typeof setup>>;
  const db = getDb();

  async function setup() {
    const partnerA = await createPartner("Partner A");
    const partnerB = await createPartner("Partner B");
    const adminA = await createStaff(partnerA, "admin");
    const operatorA = await createStaff(partnerA, "operator");
    const adminB = await createStaff(partnerB, "admin");
    const invitation = await inviteStaff(db, adminA.scope, { email: "new@a.test", role: "viewer" });
    await saveWallexConnection(db, adminA.scope, {
      baseUrl: "https://api.wallex.asia",
      apiKey: "a-key-1234",
      accessKeyId: "a-id-1234",
      secretAccessKey: "a-secret-1234",
    });
    await recordAudit(db, mintJobScope(partnerA.id, "test"), {
      action: "a.secret_thing",
      actor: { userId: null, email: "system" },
    });
    const [eventA] = await db
      .insert(webhookEvents)
      .values({
        partnerId: partnerA.id,
        resource: "a_secret_resource",
        resourceId: "x",
        status: "done",
        rawBody: "{}",
        outcome: "processed",
      })
      .returning();
    const [paymentA] = await db
      .insert(wallexPayments)
      .values({
        partnerId: partnerA.id,
        wallexId: "pay-a",
        accountId: "acc-a",
        status: "completed",
        data: { id: "pay-a" },
        readAt: new Date(),
      })
      .returning();
    const [memberA] = await db
      .insert(wallexUsers)
      .values({
        partnerId: partnerA.id,
        wallexId: "user-a",
        accountId: "acc-a",
        status: "approved",
        reference: "a-member@a.test",
        data: { id: "user-a" },
        readAt: new Date(),
      })
      .returning();
    await db.insert(wallexApiCalls).values({
      partnerId: partnerA.id,
      operation: "a.secret_call",
      method: "GET",
      pathTemplate: "/v2/x",
      path: "/v2/x",
      durationMs: 1,
      requestId: "req-a",
      attempt: 1,
    });
    return { partnerA, partnerB, adminA, operatorA, adminB, invitation, eventA, paymentA, memberA };
  }

  beforeAll(async () => {
    a = await setup();
  });

  const notFound = { code: "NOT_FOUND" };

  test("B's staff cannot mint a scope for A", async () => {
    const user = { ...a.adminB.scope.user };
    expect(await findStaffScope(user, a.partnerA.slug)).toEqual({ problem: "not_member" });
  });

  test("reads with B's scope never return A's rows", async () => {
    const scope = a.adminB.scope;
    expect((await listTeam(db, scope)).map((m) => m.membershipId)).not.toContain(a.operatorA.membership.id);
    expect(await listOpenInvitations(db, scope)).toEqual([]);
    const mailOfA = await listPartnerMail(db, a.adminA.scope, { page: 1, pageSize: 50 });
    expect(mailOfA.rows.map((m) => m.to)).toContain("new@a.test"); // the invitation with its link
    expect((await listPartnerMail(db, scope, { page: 1, pageSize: 50 })).rows).toEqual([]);
    expect(await getPartnerMail(db, scope, mailOfA.rows[0].id)).toBeNull();
    expect(await getWallexConnectionView(db, scope)).toBeNull();
    expect((await listAuditEvents(db, scope, { page: 1 })).rows.every((r) => r.partnerId === a.partnerB.id)).toBe(true);
    expect(await listAuditActions(db, scope)).not.toContain("a.secret_thing");
    expect((await listApiCalls(db, scope, { page: 1 })).rows.every((r) => r.partnerId === a.partnerB.id)).toBe(true);
    expect(await listApiOperations(db, scope)).not.toContain("a.secret_call");
    expect((await listWebhookEvents(db, scope, { page: 1 })).rows.every((r) => r.partnerId === a.partnerB.id)).toBe(
      true,
    );
    expect((await listWebhookFacets(db, scope)).resources).not.toContain("a_secret_resource");
    expect((await getPartnerOrThrow(db, scope)).id).toBe(a.partnerB.id);
    expect((await listMirrorRecords(db, scope, "payment", { page: 1 })).rows).toEqual([]);
    expect((await listMirrorRecords(db, a.adminA.scope, "payment", { page: 1 })).rows.map((r) => r.member)).toEqual([
      "a-member@a.test",
    ]);
    expect(await getMirrorRecord(db, scope, "payment", a.paymentA.wallexId)).toBeNull();
    expect(await getMirrorRow(db, scope, "payment", a.paymentA.id)).toBeNull();
    expect((await countMirrorRecords(db, scope)).payment).toBe(0);
    expect(await listMemberAccounts(db, scope)).toEqual([]);
    // onBehalfOf comes from our mirror, within the tenant: B cannot act as A's member.
    expect(await getMemberAccount(db, a.adminA.scope, a.memberA.id)).toBe("acc-a");
    await expect(getMemberAccount(db, scope, a.memberA.id)).rejects.toMatchObject(notFound);
    const [pending] = await db
      .insert(wallexUsers)
      .values({
        partnerId: a.partnerA.id,
        wallexId: "user-a2",
        accountId: "acc-a2",
        status: "pending_approval",
        reference: "new@a.test",
        data: { id: "user-a2" },
        readAt: new Date(),
      })
      .returning();
    await expect(getMemberAccount(db, a.adminA.scope, pending.id)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: /new@a.test is not approved/,
    });
    await expect(getMembershipOrThrow(db, scope, a.operatorA.membership.id)).rejects.toMatchObject(notFound);
  });

  test("writes with B's scope on A's ids are refused and change nothing", async () => {
    const scope = a.adminB.scope;
    await expect(changeRole(db, scope, a.operatorA.membership.id, "admin")).rejects.toMatchObject(notFound);
    await expect(removeStaff(db, scope, a.operatorA.membership.id)).rejects.toMatchObject(notFound);
    await expect(resendInvitation(db, scope, a.invitation.id)).rejects.toMatchObject(notFound);
    await expect(revokeInvitation(db, scope, a.invitation.id)).rejects.toMatchObject(notFound);
    expect(await requeueWebhookEvent(db, scope, a.eventA.id)).toBeUndefined();
    expect((await db.select().from(webhookEvents).where(eq(webhookEvents.id, a.eventA.id)))[0].outcome).toBe(
      "processed",
    );

    const [membership] = await db
      .select()
      .from(staffMemberships)
      .where(eq(staffMemberships.id, a.operatorA.membership.id));
    expect(membership.role).toBe("operator");
    const [invitation] = await db.select().from(invitations).where(eq(invitations.id, a.invitation.id));
    expect(invitation).toMatchObject({ revokedAt: null, tokenHash: a.invitation.tokenHash });
  });

  test("B's settings writes land on B only", async () => {
    const scope = a.adminB.scope;
    await updatePartnerProfile(db, scope, {
      name: "B renamed",
      legalName: null,
      country: null,
      supportEmail: null,
      website: null,
    });
    await saveWallexConnection(db, scope, {
      baseUrl: "https://b.example",
      apiKey: "b-key-9999",
      accessKeyId: "b-id-9999",
      secretAccessKey: "b-secret-9999",
    });
    expect((await getPartnerOrThrow(db, a.adminA.scope)).name).toBe("Partner A");
    const [connectionA] = await db
      .select()
      .from(wallexConnections)
      .where(eq(wallexConnections.partnerId, a.partnerA.id));
    expect(connectionA).toMatchObject({ baseUrl: "https://api.wallex.asia", apiKeyLast4: "1234" });
  });
});
