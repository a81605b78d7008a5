import { readdirSync, readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import {
  invitations,
  mailOutbox,
  wallexApiCalls,
  wallexConnections,
  wallexIntents,
  wallexPayments,
  wallexTimeline,
  wallexTokens,
  wallexUsers,
  webhookEvents,
} from "@/db/schema";
import { findStaffScope } from "@/lib/auth/scope";
import { mintJobScope, mintWebhookScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { encryptSecret } from "@/lib/crypto";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { listApiCalls, listApiOperations, recordApiCall } from "./api-calls";
import { listAuditActions, listAuditEvents, iterateAuditEvents } from "./audit";
import { appendAuditEvent, getLastAuditLink, listAuditChainAfter, lockAuditChain } from "./audit-chain";
import {
  getIntentByKey,
  isWallexObjectClaimedByIntent,
  listStaleOpenIntents,
  markIntentSending,
  markIntentSucceeded,
  markIntentUnsettled,
  recordIntent,
} from "./intents";
import { insertTenantMail, lockPartnerMail, markPartnerMailOpened } from "./mail-outbox";
import { getPartnerMail, listPartnerMail } from "./mailbox";
import {
  countMirrorRecords,
  getMemberAccount,
  getMirrorRecord,
  getMirrorRow,
  listMemberAccounts,
  listMirrorRecords,
  listMirrorStatuses,
} from "./mirror";
import {
  appendTimelineEntry,
  getMirrorObjectState,
  listApprovedMemberAccountIds,
  listMemberWallexIds,
  listOpenMirrorObjects,
  upsertMirrorObject,
} from "./mirror-store";
import { getNotificationsMenu, getReadUpTo, listNotifications, markNotificationsRead } from "./notifications";
import { getPartnerOrThrow, getWallexConnectionView } from "./partners";
import { addStaffMembership } from "./staff-memberships";
import {
  countAdmins,
  findLiveInvitationByEmail,
  findMembershipByEmail,
  getMembershipOrThrow,
  getOpenInvitationOrThrow,
  listOpenInvitations,
  closeInvitation,
  listTeam,
} from "./team";
import { getOverviewFigures } from "./overview";
import { getWebhookAlarm } from "./webhook-alarm";
import { getEmbeddedSandboxApiKey, getWallexConnectionRow, rewrapWallexCredentials } from "./wallex-connections";
import { deleteWallexToken, getWallexToken, saveWallexToken } from "./wallex-tokens";
import {
  claimWaitingObjects,
  claimWebhookEvent,
  failClaimedObject,
  finishClaimedObject,
  type ObjectClaim,
} from "./webhook-claims";
import { listWebhookEvents, listWebhookFacets, requeueWebhookEvent } from "./webhook-events";
import { purgeRejectedWebhookEvents, storeWebhookDelivery } from "./webhook-intake";

/**
 * Every data function that takes a tenant scope, checked the same way: partner A's scope first
 * sees (or changes) A's row, the positive control, then partner B's scope, aimed at the same ids,
 * sees nothing and changes nothing. The coverage test at the end fails for a data function that
 * is neither checked here nor listed in NOT_TENANT_DATA with the reason it takes no tenant scope.
 */
const db = getDb();
const notFound = { code: "NOT_FOUND" };
const minuteAgo = () => new Date(Date.now() - 60_000);

async function setup() {
  const partnerA = await createPartner("Partner A");
  const partnerB = await createPartner("Partner B");
  const adminA = await createStaff(partnerA, "admin");
  const operatorA = await createStaff(partnerA, "operator");
  const adminB = await createStaff(partnerB, "admin");
  const [a, b] = [adminA.scope, adminB.scope];
  const id = () => crypto.randomUUID();

  await db.insert(wallexConnections).values({
    partnerId: partnerA.id,
    baseUrl: "http://localhost:3000/api/wallex-sandbox",
    kind: "embedded_sandbox",
    secretsOrigin: "http://localhost:3000",
    apiKey: encryptSecret("a-key-1234"),
    accessKeyId: encryptSecret("a-id-1234"),
    secretAccessKey: encryptSecret("a-secret-1234"),
    apiKeyLast4: "1234",
    accessKeyIdLast4: "1234",
    secretAccessKeyLast4: "1234",
  });
  const [invitation] = await db
    .insert(invitations)
    .values({
      partnerId: partnerA.id,
      email: "new@a.test",
      role: "viewer",
      tokenHash: id(),
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  const [member] = await db
    .insert(wallexUsers)
    .values({
      partnerId: partnerA.id,
      wallexId: `user-${id()}`,
      accountId: "acc-a",
      status: "approved",
      reference: "a-member@a.test",
      data: {},
      readAt: minuteAgo(),
    })
    .returning();
  const [payment] = await db
    .insert(wallexPayments)
    .values({
      partnerId: partnerA.id,
      wallexId: `pay-${id()}`,
      accountId: "acc-a",
      status: "a_secret_status",
      data: {},
      readAt: minuteAgo(),
    })
    .returning();
  await db.insert(wallexTimeline).values({
    partnerId: partnerA.id,
    kind: "payment",
    wallexId: payment.wallexId,
    status: "a_secret_status",
    source: "webhook",
  });
  const [event] = await db
    .insert(webhookEvents)
    .values({
      partnerId: partnerA.id,
      resource: "a_secret_resource",
      resourceId: "x",
      rawBody: "{}",
      outcome: "processed",
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
  const [mail] = await db
    .insert(mailOutbox)
    .values({ partnerId: partnerA.id, to: "new@a.test", subject: "Join A", text: "x", status: "captured" })
    .returning();
  const [intent] = await db
    .insert(wallexIntents)
    .values({
      partnerId: partnerA.id,
      idempotencyKey: id(),
      kind: "payment",
      operation: "create",
      request: {},
      state: "unknown",
      wallexId: `pay-${id()}`,
      updatedAt: new Date(Date.now() - 3_600_000),
    })
    .returning();
  await db.insert(wallexTokens).values({
    partnerId: partnerA.id,
    token: "a-token",
    issuedAt: new Date(),
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  await appendAuditEvent(db, a, {
    seq: 1,
    actorUserId: null,
    actorEmail: "system",
    memberId: null,
    action: "a.secret_thing",
    targetType: null,
    targetId: null,
    before: null,
    after: null,
    requestId: null,
    ip: null,
    createdAt: new Date(),
    prevHash: "0".repeat(64),
    hash: "a".repeat(64),
  });
  return { partnerA, partnerB, adminA, operatorA, a, b, invitation, member, payment, event, mail, intent };
}
type Ctx = Awaited<ReturnType<typeof setup>>;

/** A waiting event of A's and its claim, for the claim functions. */
async function waitingEventOf(scope: TenantScope) {
  const [event] = await db
    .insert(webhookEvents)
    .values({ partnerId: scope.partnerId, resource: "user", resourceId: crypto.randomUUID(), outcome: "received" })
    .returning();
  return event;
}
const outcomeOf = async (eventId: string) =>
  (await db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId)))[0].outcome;
const intentOf = async (intentId: string) =>
  (await db.select().from(wallexIntents).where(eq(wallexIntents.id, intentId)))[0];

/** Each data function's check, by `module.function`. */
const ISOLATION_CHECKS: Record<string, (c: Ctx) => Promise<void>> = {
  "api-calls.listApiCalls": async ({ a, b }) => {
    expect((await listApiCalls(db, a, { page: 1 })).rows.map((r) => r.operation)).toContain("a.secret_call");
    expect((await listApiCalls(db, b, { page: 1 })).rows).toEqual([]);
  },
  "api-calls.listApiOperations": async ({ a, b }) => {
    expect(await listApiOperations(db, a)).toContain("a.secret_call");
    expect(await listApiOperations(db, b)).toEqual([]);
  },
  "api-calls.recordApiCall": async ({ a, b }) => {
    const call = { method: "GET", pathTemplate: "/v2/y", path: "/v2/y", durationMs: 1, requestId: "r", attempt: 1 };
    await recordApiCall(db, a, { ...call, operation: "a.recorded" });
    await recordApiCall(db, b, { ...call, operation: "b.recorded" });
    expect(await listApiOperations(db, a)).toContain("a.recorded");
    expect(await listApiOperations(db, a)).not.toContain("b.recorded");
    expect(await listApiOperations(db, b)).toEqual(["b.recorded"]);
  },
  "audit.listAuditEvents": async ({ a, b }) => {
    expect((await listAuditEvents(db, a, { page: 1 })).rows.map((r) => r.action)).toContain("a.secret_thing");
    expect((await listAuditEvents(db, b, { page: 1 })).rows).toEqual([]);
  },
  "audit.listAuditActions": async ({ a, b }) => {
    expect(await listAuditActions(db, a)).toContain("a.secret_thing");
    expect(await listAuditActions(db, b)).toEqual([]);
  },
  "audit.iterateAuditEvents": async ({ a, b }) => {
    const all = async (scope: TenantScope & { kind: "staff" }) => {
      const rows = [];
      for await (const row of iterateAuditEvents(db, scope, {})) rows.push(row.action);
      return rows;
    };
    expect(await all(a)).toContain("a.secret_thing");
    expect(await all(b)).toEqual([]);
  },
  "audit-chain.getLastAuditLink": async ({ a, b }) => {
    expect((await getLastAuditLink(db, a))?.seq).toBeGreaterThanOrEqual(1);
    expect(await getLastAuditLink(db, b)).toBeUndefined();
  },
  "audit-chain.listAuditChainAfter": async ({ a, b }) => {
    expect((await listAuditChainAfter(db, a, 0, 10)).map((r) => r.action)).toContain("a.secret_thing");
    expect(await listAuditChainAfter(db, b, 0, 10)).toEqual([]);
  },
  "audit-chain.appendAuditEvent": async ({ a, b }) => {
    const job = mintJobScope(b.partnerId, "test");
    const row = await appendAuditEvent(db, job, {
      seq: 1,
      actorUserId: null,
      actorEmail: "system",
      memberId: null,
      action: "b.appended",
      targetType: null,
      targetId: null,
      before: null,
      after: null,
      requestId: null,
      ip: null,
      createdAt: new Date(),
      prevHash: "0".repeat(64),
      hash: "b".repeat(64),
    });
    expect(row.partnerId).toBe(b.partnerId);
    expect(await listAuditActions(db, b)).toEqual(["b.appended"]);
    expect(await listAuditActions(db, a)).not.toContain("b.appended");
  },
  "audit-chain.lockAuditChain": async ({ a, b }) => {
    // Per partner: B's writer does not wait for A's lock.
    await db.transaction(async (holdingA) => {
      await lockAuditChain(holdingA, a);
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '2s'`);
        await lockAuditChain(tx, b);
      });
      const other = db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '200ms'`);
        await lockAuditChain(tx, a);
      });
      await expect(other).rejects.toBeTruthy(); // the positive control: A's chain is held
    });
  },
  "intents.getIntentByKey": async ({ a, b, intent }) => {
    expect((await getIntentByKey(db, a, intent.idempotencyKey))?.id).toBe(intent.id);
    expect(await getIntentByKey(db, b, intent.idempotencyKey)).toBeUndefined();
  },
  "intents.recordIntent": async ({ a, b, intent }) => {
    // B recording A's key makes B's own intent; A's stays as it was.
    const fields = { idempotencyKey: intent.idempotencyKey, kind: "payment", operation: "fund", accountId: null };
    await recordIntent(db, b, { ...fields, request: { by: "b" } });
    expect((await getIntentByKey(db, b, intent.idempotencyKey))?.operation).toBe("fund");
    expect((await getIntentByKey(db, a, intent.idempotencyKey))?.operation).toBe("create");
    const key = crypto.randomUUID();
    await recordIntent(db, a, { ...fields, idempotencyKey: key, request: {} });
    expect(await getIntentByKey(db, a, key)).toBeDefined();
    expect(await getIntentByKey(db, b, key)).toBeUndefined();
  },
  "intents.listStaleOpenIntents": async ({ a, b, intent }) => {
    expect((await listStaleOpenIntents(db, a, new Date())).map((i) => i.id)).toContain(intent.id);
    expect((await listStaleOpenIntents(db, b, new Date())).map((i) => i.id)).not.toContain(intent.id);
  },
  "intents.isWallexObjectClaimedByIntent": async ({ a, b, intent }) => {
    expect(await isWallexObjectClaimedByIntent(db, a, "payment", intent.wallexId!)).toBe(true);
    expect(await isWallexObjectClaimedByIntent(db, b, "payment", intent.wallexId!)).toBe(false);
  },
  "intents.markIntentSending": async ({ a, b, intent }) => {
    await markIntentSending(db, b, intent.id, { request: { by: "b" }, accountId: null });
    expect((await intentOf(intent.id)).attempts).toBe(0);
    await markIntentSending(db, a, intent.id, { request: {}, accountId: null });
    expect((await intentOf(intent.id)).attempts).toBe(1);
    await markIntentUnsettled(db, a, intent.id, "unknown", "lost", new Date(Date.now() - 3_600_000));
  },
  "intents.markIntentUnsettled": async ({ a, b, intent }) => {
    await markIntentUnsettled(db, b, intent.id, "failed", "by b");
    expect((await intentOf(intent.id)).error).not.toBe("by b");
    await markIntentUnsettled(db, a, intent.id, "unknown", "by a", new Date(Date.now() - 3_600_000));
    expect((await intentOf(intent.id)).error).toBe("by a");
  },
  "intents.markIntentSucceeded": async ({ a, b, partnerA }) => {
    const [own] = await db
      .insert(wallexIntents)
      .values({
        partnerId: partnerA.id,
        idempotencyKey: crypto.randomUUID(),
        kind: "payment",
        operation: "create",
        request: {},
      })
      .returning();
    await markIntentSucceeded(db, b, own.id, "pay-b");
    expect((await intentOf(own.id)).state).toBe("pending");
    await markIntentSucceeded(db, a, own.id, "pay-a");
    expect((await intentOf(own.id)).state).toBe("succeeded");
  },
  "mail-outbox.insertTenantMail": async ({ a, b }) => {
    const mail = { to: "x@b.test", subject: "B's own", text: "x", status: "captured" as const };
    const idB = await insertTenantMail(db, b, mail);
    expect(await getPartnerMail(db, b, idB)).not.toBeNull();
    expect(await getPartnerMail(db, a, idB)).toBeNull();
    const idA = await insertTenantMail(db, a, { ...mail, subject: "A's own" });
    expect(await getPartnerMail(db, a, idA)).not.toBeNull();
    expect(await getPartnerMail(db, b, idA)).toBeNull();
  },
  "mail-outbox.lockPartnerMail": async ({ a, b, mail }) => {
    await db.transaction(async (tx) => {
      expect((await lockPartnerMail(tx, a, mail.id))?.id).toBe(mail.id);
      expect(await lockPartnerMail(tx, b, mail.id)).toBeUndefined();
    });
  },
  "mail-outbox.markPartnerMailOpened": async ({ a, b, partnerA }) => {
    const [own] = await db
      .insert(mailOutbox)
      .values({ partnerId: partnerA.id, to: "y@a.test", subject: "s", text: "link", status: "captured" })
      .returning();
    await markPartnerMailOpened(db, b, own.id, { text: "by b", html: null });
    expect((await getPartnerMail(db, a, own.id))?.sentAt).toBeNull();
    await markPartnerMailOpened(db, a, own.id, { text: "by a", html: null });
    expect(await getPartnerMail(db, a, own.id)).toMatchObject({ text: "by a", sentAt: expect.any(Date) });
  },
  "mailbox.listPartnerMail": async ({ a, b }) => {
    expect((await listPartnerMail(db, a, { page: 1, pageSize: 50 })).rows.map((m) => m.to)).toContain("new@a.test");
    expect((await listPartnerMail(db, b, { page: 1, pageSize: 50 })).rows.map((m) => m.to)).not.toContain("new@a.test");
  },
  "mailbox.getPartnerMail": async ({ a, b, mail }) => {
    expect((await getPartnerMail(db, a, mail.id))?.subject).toBe("Join A");
    expect(await getPartnerMail(db, b, mail.id)).toBeNull();
  },
  "mirror.listMirrorRecords": async ({ a, b }) => {
    expect((await listMirrorRecords(db, a, "payment", { page: 1 })).rows.map((r) => r.member)).toContain(
      "a-member@a.test",
    );
    expect((await listMirrorRecords(db, b, "payment", { page: 1 })).rows).toEqual([]);
  },
  "mirror.countMirrorRecords": async ({ a, b }) => {
    expect((await countMirrorRecords(db, a)).payment).toBeGreaterThanOrEqual(1);
    expect((await countMirrorRecords(db, b)).payment).toBe(0);
  },
  "mirror.listMirrorStatuses": async ({ a, b }) => {
    expect(await listMirrorStatuses(db, a, "payment")).toContain("a_secret_status");
    expect(await listMirrorStatuses(db, b, "payment")).toEqual([]);
  },
  "mirror.listMemberAccounts": async ({ a, b }) => {
    expect((await listMemberAccounts(db, a)).length).toBeGreaterThanOrEqual(1);
    expect(await listMemberAccounts(db, b)).toEqual([]);
  },
  "mirror.getMirrorRow": async ({ a, b, payment }) => {
    expect((await getMirrorRow(db, a, "payment", payment.id))?.wallexId).toBe(payment.wallexId);
    expect(await getMirrorRow(db, b, "payment", payment.id)).toBeNull();
  },
  "mirror.getMirrorRecord": async ({ a, b, payment }) => {
    expect(await getMirrorRecord(db, a, "payment", payment.wallexId)).not.toBeNull();
    expect(await getMirrorRecord(db, b, "payment", payment.wallexId)).toBeNull();
  },
  "mirror.getMemberAccount": async ({ a, b, member }) => {
    // onBehalfOf comes from our mirror, within the tenant: B cannot act as A's member.
    expect(await getMemberAccount(db, a, member.id)).toBe("acc-a");
    await expect(getMemberAccount(db, b, member.id)).rejects.toMatchObject(notFound);
  },
  "mirror-store.getMirrorObjectState": async ({ a, b, payment }) => {
    expect((await getMirrorObjectState(db, a, wallexPayments, payment.wallexId))?.status).toBe("a_secret_status");
    expect(await getMirrorObjectState(db, b, wallexPayments, payment.wallexId)).toBeUndefined();
  },
  "mirror-store.upsertMirrorObject": async ({ a, b, payment }) => {
    // B writing A's Wallex id makes a row of B's; A's row keeps its status.
    const values = { wallexId: payment.wallexId, status: "b_status", data: { b: true }, readAt: new Date() };
    expect(await upsertMirrorObject(db, b, wallexPayments, values)).toMatchObject({ status: "b_status" });
    expect((await getMirrorObjectState(db, a, wallexPayments, payment.wallexId))?.status).toBe("a_secret_status");
    expect((await getMirrorObjectState(db, b, wallexPayments, payment.wallexId))?.status).toBe("b_status");
    await db.delete(wallexPayments).where(eq(wallexPayments.partnerId, b.partnerId));
  },
  "mirror-store.appendTimelineEntry": async ({ a, b, partnerB }) => {
    await appendTimelineEntry(db, b, { kind: "user", wallexId: "u-b", status: "approved", source: "webhook" });
    expect((await listNotifications(db, b, { page: 1 })).rows.map((r) => r.wallexId)).toEqual(["u-b"]);
    expect((await listNotifications(db, a, { page: 1 })).rows.map((r) => r.wallexId)).not.toContain("u-b");
    await db.delete(wallexTimeline).where(eq(wallexTimeline.partnerId, partnerB.id));
  },
  "mirror-store.listOpenMirrorObjects": async ({ a, b, payment }) => {
    expect((await listOpenMirrorObjects(db, a, wallexPayments, ["completed"], 10)).map((r) => r.wallexId)).toContain(
      payment.wallexId,
    );
    expect(await listOpenMirrorObjects(db, b, wallexPayments, ["completed"], 10)).toEqual([]);
  },
  "mirror-store.listApprovedMemberAccountIds": async ({ a, b }) => {
    expect(await listApprovedMemberAccountIds(db, a)).toContain("acc-a");
    expect(await listApprovedMemberAccountIds(db, b)).toEqual([]);
  },
  "mirror-store.listMemberWallexIds": async ({ a, b, member }) => {
    expect(await listMemberWallexIds(db, a)).toContain(member.wallexId);
    expect(await listMemberWallexIds(db, b)).toEqual([]);
  },
  "notifications.getNotificationsMenu": async ({ a, b }) => {
    expect((await getNotificationsMenu(db, a)).items.map((i) => i.status)).toContain("a_secret_status");
    expect(await getNotificationsMenu(db, b)).toEqual({ items: [], unread: 0 });
  },
  "notifications.listNotifications": async ({ a, b }) => {
    expect((await listNotifications(db, a, { page: 1 })).total).toBeGreaterThanOrEqual(1);
    expect((await listNotifications(db, b, { page: 1 })).total).toBe(0);
  },
  "notifications.markNotificationsRead": async ({ a, b }) => {
    await markNotificationsRead(db, a, new Date());
    expect(await getReadUpTo(db, a)).toBeInstanceOf(Date);
    expect(await getReadUpTo(db, b)).toBeNull(); // A's marker is not B's
  },
  "notifications.getReadUpTo": async ({ b, operatorA }) => {
    await markNotificationsRead(db, operatorA.scope, new Date());
    expect(await getReadUpTo(db, operatorA.scope)).toBeInstanceOf(Date);
    // Same person, other partner: B's admin has marked nothing in B.
    expect(await getReadUpTo(db, b)).toBeNull();
  },
  "partners.getPartnerOrThrow": async ({ a, b, partnerA, partnerB }) => {
    expect((await getPartnerOrThrow(db, a)).id).toBe(partnerA.id);
    expect((await getPartnerOrThrow(db, b)).id).toBe(partnerB.id);
  },
  "partners.getWallexConnectionView": async ({ a, b }) => {
    expect(await getWallexConnectionView(db, a)).toMatchObject({ apiKeyLast4: "1234" });
    expect(await getWallexConnectionView(db, b)).toBeNull();
  },
  "staff-memberships.addStaffMembership": async ({ a, b, operatorA }) => {
    // The user of A's operator made staff of B: B's team only.
    const before = (await listTeam(db, a)).length;
    await addStaffMembership(db, b, operatorA.user.id, "viewer");
    expect((await listTeam(db, b)).map((m) => m.email)).toContain(operatorA.user.email);
    expect((await listTeam(db, a)).length).toBe(before);
  },
  "team.closeInvitation": async ({ a, b, partnerA }) => {
    const [own] = await db
      .insert(invitations)
      .values({
        partnerId: partnerA.id,
        email: "accepting@a.test",
        role: "viewer",
        tokenHash: crypto.randomUUID(),
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    expect(await closeInvitation(db, b, own.id, "accepted")).toBe(false);
    expect((await listOpenInvitations(db, a)).map((i) => i.id)).toContain(own.id);
    expect(await closeInvitation(db, a, own.id, "accepted")).toBe(true);
  },
  "overview.getOverviewFigures": async ({ a, b }) => {
    const [figuresA, figuresB] = [await getOverviewFigures(db, a), await getOverviewFigures(db, b)];
    expect(figuresA).toMatchObject({ team: (await listTeam(db, a)).length, connectionBaseUrl: expect.any(String) });
    expect(figuresB).toMatchObject({ team: (await listTeam(db, b)).length, connectionBaseUrl: null });
  },
  "webhook-alarm.getWebhookAlarm": async ({ a, b }) => {
    // A has A's one processed event; B has none.
    expect((await getWebhookAlarm(db, a)).lastEventAt).toBeInstanceOf(Date);
    expect((await getWebhookAlarm(db, b)).lastEventAt).toBeNull();
  },
  "team.listTeam": async ({ a, b, operatorA }) => {
    expect((await listTeam(db, a)).map((m) => m.membershipId)).toContain(operatorA.membership.id);
    expect((await listTeam(db, b)).map((m) => m.membershipId)).not.toContain(operatorA.membership.id);
  },
  "team.getMembershipOrThrow": async ({ a, b, operatorA }) => {
    expect((await getMembershipOrThrow(db, a, operatorA.membership.id)).membership.role).toBe("operator");
    await expect(getMembershipOrThrow(db, b, operatorA.membership.id)).rejects.toMatchObject(notFound);
  },
  "team.countAdmins": async ({ a, b }) => {
    expect(await countAdmins(db, a)).toBe(1);
    expect(await countAdmins(db, b)).toBe(1); // B's own admin only
  },
  "team.findMembershipByEmail": async ({ a, b, operatorA }) => {
    // A's operator is also staff of B by now (addStaffMembership): look for A's admin instead.
    const email = operatorA.user.email;
    expect(await findMembershipByEmail(db, a, email)).not.toBeNull();
    const adminOfA = (await listTeam(db, a)).find((m) => m.role === "admin")!;
    expect(await findMembershipByEmail(db, b, adminOfA.email)).toBeNull();
  },
  "team.listOpenInvitations": async ({ a, b, invitation }) => {
    expect((await listOpenInvitations(db, a)).map((i) => i.id)).toContain(invitation.id);
    expect(await listOpenInvitations(db, b)).toEqual([]);
  },
  "team.getOpenInvitationOrThrow": async ({ a, b, invitation }) => {
    expect((await getOpenInvitationOrThrow(db, a, invitation.id)).email).toBe("new@a.test");
    await expect(getOpenInvitationOrThrow(db, b, invitation.id)).rejects.toMatchObject(notFound);
  },
  "team.findLiveInvitationByEmail": async ({ a, b }) => {
    expect(await findLiveInvitationByEmail(db, a, "new@a.test")).not.toBeNull();
    expect(await findLiveInvitationByEmail(db, b, "new@a.test")).toBeNull();
  },
  "wallex-connections.getWallexConnectionRow": async ({ a, b, partnerA }) => {
    expect((await getWallexConnectionRow(db, a))?.partnerId).toBe(partnerA.id);
    expect(await getWallexConnectionRow(db, b)).toBeNull();
  },
  "wallex-connections.getEmbeddedSandboxApiKey": async ({ a, b }) => {
    expect(await getEmbeddedSandboxApiKey(db, a)).toBeTruthy();
    expect(await getEmbeddedSandboxApiKey(db, b)).toBeUndefined();
  },
  "wallex-connections.rewrapWallexCredentials": async ({ a, b }) => {
    expect(await rewrapWallexCredentials(db, b, (v) => `b:${v}`)).toBe(false);
    expect((await getWallexConnectionRow(db, a))!.apiKey).not.toMatch(/^b:/);
    const before = (await getWallexConnectionRow(db, a))!.apiKey;
    expect(await rewrapWallexCredentials(db, a, (v) => v)).toBe(true);
    expect((await getWallexConnectionRow(db, a))!.apiKey).toBe(before);
  },
  "wallex-tokens.getWallexToken": async ({ a, b, partnerA }) => {
    // (rewrapWallexCredentials dropped the token set up for A)
    await db
      .insert(wallexTokens)
      .values({
        partnerId: partnerA.id,
        token: "a-token",
        issuedAt: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
      })
      .onConflictDoNothing();
    expect((await getWallexToken(db, a))?.token).toBeTruthy();
    expect(await getWallexToken(db, b)).toBeUndefined();
  },
  "wallex-tokens.saveWallexToken": async ({ a, b }) => {
    const token = { token: "b-token", issuedAt: new Date(), expiresAt: new Date(Date.now() + 60_000) };
    await saveWallexToken(db, b, token);
    expect((await getWallexToken(db, b))?.token).toBe("b-token");
    expect((await getWallexToken(db, a))?.token).not.toBe("b-token");
    await saveWallexToken(db, a, { ...token, token: "a-token-2" });
    expect((await getWallexToken(db, a))?.token).toBe("a-token-2");
    expect((await getWallexToken(db, b))?.token).toBe("b-token");
  },
  "wallex-tokens.deleteWallexToken": async ({ a, b }) => {
    await deleteWallexToken(db, b);
    expect(await getWallexToken(db, b)).toBeUndefined();
    expect(await getWallexToken(db, a)).toBeDefined();
    await deleteWallexToken(db, a);
    expect(await getWallexToken(db, a)).toBeUndefined();
  },
  "webhook-claims.claimWaitingObjects": async ({ a, b }) => {
    const event = await waitingEventOf(a);
    expect(await claimWaitingObjects(db, b)).toEqual([]);
    expect((await claimWaitingObjects(db, a)).flatMap((c) => c.eventIds)).toContain(event.id);
  },
  "webhook-claims.claimWebhookEvent": async ({ a, b }) => {
    const event = await waitingEventOf(a);
    expect(await claimWebhookEvent(db, b, event.id)).toBeUndefined();
    expect((await claimWebhookEvent(db, a, event.id))?.eventIds).toEqual([event.id]);
  },
  "webhook-claims.finishClaimedObject": async ({ a, b }) => {
    const event = await waitingEventOf(a);
    const claim = (await claimWebhookEvent(db, a, event.id)) as ObjectClaim;
    expect(await finishClaimedObject(db, b, claim, "by b", new Date())).toBe(0);
    expect(await outcomeOf(event.id)).toBe("received");
    expect(await finishClaimedObject(db, a, claim, "by a", new Date())).toBe(1);
    expect(await outcomeOf(event.id)).toBe("processed");
  },
  "webhook-claims.failClaimedObject": async ({ a, b }) => {
    const event = await waitingEventOf(a);
    const claim = (await claimWebhookEvent(db, a, event.id)) as ObjectClaim;
    await failClaimedObject(db, b, claim, "by b");
    expect(await outcomeOf(event.id)).toBe("received");
    await failClaimedObject(db, a, claim, "by a");
    expect(await outcomeOf(event.id)).toBe("failed");
  },
  "webhook-events.listWebhookEvents": async ({ a, b, event }) => {
    expect((await listWebhookEvents(db, a, { page: 1 })).rows.map((r) => r.id)).toContain(event.id);
    expect((await listWebhookEvents(db, b, { page: 1 })).rows).toEqual([]);
  },
  "webhook-events.listWebhookFacets": async ({ a, b }) => {
    expect((await listWebhookFacets(db, a)).resources).toContain("a_secret_resource");
    expect(await listWebhookFacets(db, b)).toEqual({ resources: [], statuses: [] });
  },
  "webhook-events.requeueWebhookEvent": async ({ a, b, event }) => {
    expect(await requeueWebhookEvent(db, b, event.id)).toBeUndefined();
    expect(await outcomeOf(event.id)).toBe("processed");
    expect((await requeueWebhookEvent(db, a, event.id))?.id).toBe(event.id);
    expect(await outcomeOf(event.id)).toBe("received");
    await db.update(webhookEvents).set({ outcome: "processed" }).where(eq(webhookEvents.id, event.id));
  },
  "webhook-intake.storeWebhookDelivery": async ({ a, b }) => {
    const delivery = { resource: "b_delivery", resourceId: "y", rawBody: "{}", outcome: "rejected" as const };
    const stored = await storeWebhookDelivery(db, mintWebhookScope(b.partnerId), delivery);
    expect((await listWebhookEvents(db, b, { page: 1 })).rows.map((r) => r.id)).toEqual([stored.id]);
    expect((await listWebhookEvents(db, a, { page: 1 })).rows.map((r) => r.id)).not.toContain(stored.id);
    await db.delete(webhookEvents).where(eq(webhookEvents.id, stored.id));
  },
  "webhook-intake.purgeRejectedWebhookEvents": async ({ a, b, partnerA }) => {
    const [old] = await db
      .insert(webhookEvents)
      .values({ partnerId: partnerA.id, outcome: "rejected", receivedAt: new Date(Date.now() - 40 * 86_400_000) })
      .returning();
    const cutoff = new Date(Date.now() - 30 * 86_400_000);
    expect(await purgeRejectedWebhookEvents(db, b, cutoff)).toBe(0);
    expect(await purgeRejectedWebhookEvents(db, a, cutoff)).toBe(1);
    expect(await db.select().from(webhookEvents).where(eq(webhookEvents.id, old.id))).toEqual([]);
  },
};

describe("tenant isolation: each data function, A's scope sees A's row before B's scope is shown to see nothing", () => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = await setup();
  });

  test("B's staff cannot mint a scope for A", async () => {
    const user = { ...ctx.b.user };
    expect(await findStaffScope(user, ctx.partnerA.slug)).toEqual({ problem: "not_member" });
  });

  for (const [name, check] of Object.entries(ISOLATION_CHECKS)) test(name, () => check(ctx));
});

/** Data functions that take no tenant scope by design, and why. */
/**
 * Data functions whose isolation checks, with positive controls, live in their own suite beside
 * this one (written with the functions); the coverage test makes sure that file names them.
 */
const CHECKED_IN_OWN_SUITE: Record<string, string> = {
  "member-documents.getMemberDocumentRow": "member-documents.isolation.test.ts",
  "member-documents.getScopePartner": "member-documents.isolation.test.ts",
  "member-documents.listMemberDocumentRows": "member-documents.isolation.test.ts",
  "member-documents.listOpenDocumentComments": "member-documents.isolation.test.ts",
  "member-documents.resolveDocumentComments": "member-documents.isolation.test.ts",
  "member-comments.listOpenMemberComments": "member-drafts.isolation.test.ts",
  "member-comments.resolveMemberComments": "member-drafts.isolation.test.ts",
  "member-drafts.getMemberDraft": "member-drafts.isolation.test.ts",
  "member-drafts.getOnboardingMember": "member-drafts.isolation.test.ts",
  "member-drafts.listMemberDrafts": "member-drafts.isolation.test.ts",
  "member-drafts.markDraftSavedToWallex": "member-drafts.isolation.test.ts",
  "member-drafts.saveMemberDraft": "member-drafts.isolation.test.ts",
  "member-drafts.updateOnboardingMember": "member-drafts.isolation.test.ts",
  "member-auth.acceptMemberInvitationRow": "member-auth.isolation.test.ts",
  "member-auth.claimMemberTotpStep": "member-auth.isolation.test.ts",
  "member-auth.enableMemberTotp": "member-auth.isolation.test.ts",
  "member-auth.getMemberRow": "member-auth.isolation.test.ts",
  "member-auth.setMemberLocale": "member-auth.isolation.test.ts",
  "member-auth.setMemberPassword": "member-auth.isolation.test.ts",
  "member-auth.setMemberPendingTotp": "member-auth.isolation.test.ts",
  "member-sessions.createMemberSession": "member-auth.isolation.test.ts",
  "member-sessions.listLiveMemberSessions": "member-auth.isolation.test.ts",
  "member-sessions.revokeMemberSessions": "member-auth.isolation.test.ts",
  "member-sessions.revokeOwnMemberSession": "member-auth.isolation.test.ts",
  "member-invitations.getOpenMemberInvitation": "member-writes.isolation.test.ts",
  "member-invitations.insertMemberInvitation": "member-writes.isolation.test.ts",
  "member-invitations.listMemberInvitations": "member-writes.isolation.test.ts",
  "member-invitations.renewMemberInvitationToken": "member-writes.isolation.test.ts",
  "member-invitations.revokeMemberInvitationRow": "member-writes.isolation.test.ts",
  "member-writes.applyWallexStatusToMember": "member-writes.isolation.test.ts",
  "member-writes.claimSignupMember": "member-writes.isolation.test.ts",
  "member-writes.deleteUnsignedMember": "member-writes.isolation.test.ts",
  "member-writes.findMemberByEmail": "member-writes.isolation.test.ts",
  "member-writes.findMemberForWallexUser": "member-writes.isolation.test.ts",
  "member-writes.findNotifiedUserReason": "member-writes.isolation.test.ts",
  "member-writes.getMemberOnboardingSettings": "member-writes.isolation.test.ts",
  "member-writes.getMemberOrThrow": "member-writes.isolation.test.ts",
  "member-writes.insertMemberComment": "member-writes.isolation.test.ts",
  "member-writes.linkMemberToWallexUser": "member-writes.isolation.test.ts",
  "member-writes.listMemberComments": "member-writes.isolation.test.ts",
  "member-writes.updateMemberOnboardingSettings": "member-writes.isolation.test.ts",
  "partners.updatePartnerProfileRow": "wallex-connections.isolation.test.ts",
  "wallex-connections.getWallexConnectionView": "wallex-connections.isolation.test.ts",
  "wallex-connections.moveEmbeddedSandboxAddress": "wallex-connections.isolation.test.ts",
  "wallex-connections.saveWallexConnectionRow": "wallex-connections.isolation.test.ts",
  "wallex-connections.saveWebhookRegistration": "wallex-connections.isolation.test.ts",
  "team.deleteMembership": "team-writes.isolation.test.ts",
  "team.insertInvitation": "team-writes.isolation.test.ts",
  "team.renewInvitationToken": "team-writes.isolation.test.ts",
  "team.revokeExpiredInvitationsFor": "team-writes.isolation.test.ts",
  "team.setMembershipRole": "team-writes.isolation.test.ts",
  "members.listMembers": "members.isolation.test.ts",
  "members.countMembers": "members.isolation.test.ts",
  "members.iterateMembers": "members.isolation.test.ts",
  "members.getMember": "members.isolation.test.ts",
  "members.getMemberDrafts": "members.isolation.test.ts",
  "members.listMemberDocuments": "members.isolation.test.ts",
  "members.listMemberTimeline": "members.isolation.test.ts",
  "members.listMemberActivity": "members.isolation.test.ts",
  "reference-lists.getReferenceListRow": "reference-lists.isolation.test.ts",
  "reference-lists.saveReferenceListRow": "reference-lists.isolation.test.ts",
};

const NOT_TENANT_DATA: Record<string, string> = {
  "member-auth.getPartnerBySlug": "partners are not tenant rows: the portal URL's partner, proving nothing by itself",
  "member-auth.findMemberInvitationWithPartner":
    "the member invitation link's look-up: its secret is checked against the row before the partner is trusted",
  "member-sessions.getLiveMemberSession":
    "the member session cookie's look-up: the id (a secret in a signed cookie) is what the MemberScope is minted from",
  "member-sessions.deleteDeadMemberSessions": "the nightly clean-up of every partner's expired member sessions",
  "team.findInvitationWithPartner":
    "the invitation link's look-up: its secret is checked against the row before the partner is trusted",
  "leases.withLease": "leases are named locks of the whole app, not rows of a partner",
  "like.escapeLike": "a LIKE-pattern helper, no query",
  "like.startsWith": "a LIKE-pattern helper, no query",
  "mirror.memberEmail": "an SQL fragment correlated on the outer row's own partner_id, used inside scoped queries",
  "recovery-codes.replaceRecoveryCodes": "a person's own second factor, not a partner's",
  "recovery-codes.countUnusedRecoveryCodes": "a person's own second factor, not a partner's",
  "sessions.createSession": "sessions belong to a person, not a partner",
  "sessions.getLiveSession": "sessions belong to a person, not a partner",
  "sessions.revokeSession": "sessions belong to a person, not a partner",
  "sessions.revokeAllSessions": "sessions belong to a person, not a partner",
  "sessions.listLiveSessions": "sessions belong to a person, not a partner",
  "sessions.deleteDeadSessions": "the nightly clean-up of everyone's expired sessions",
  "sessions.revokeSessionOfUser": "sessions belong to a person, not a partner",
  "users.getUserByEmail": "people exist across partners (sign-in, invitations)",
  "users.getUserById": "people exist across partners",
  "users.listStaffMembershipsOfUser": "what a StaffScope is minted from: the person's own memberships",
  "mail-outbox.insertPersonalMail": "mail about a person's own account belongs to no partner (partner_id null)",
  "mail-outbox.claimNextQueuedMail": "the delivery worker drains one queue for every partner",
  "mail-outbox.settleClaimedMail": "the delivery worker settles, by id, the mail it claimed",
  "webhook-claims.listPartnersWithWaitingEvents":
    "global claim query: which partners the drainer mints a JobScope for (ids only)",
  "webhook-intake.listPartnersWithRejectedEventsBefore":
    "global claim query: which partners the purge mints a JobScope for (ids only)",
  "webhook-intake.findWebhookSecret": "the look-up that decides whether a delivery earns a WebhookScope",
  "webhook-intake.storeRefusedDelivery":
    "a forged or oversize delivery has no verified scope; only its time, size, hash and source are kept",
  "wallex-connections.listConnectedPartnerIds":
    "global claim query: which partners reconcile and rotation mint a JobScope for",
  "wallex-connections.listEmbeddedSandboxPartners":
    "global claim query: the launcher's list of partners on the embedded sandbox (no credentials)",
};

describe("tenant isolation coverage", () => {
  test("every exported function of lib/data is checked above or listed as not tenant data", async () => {
    const dir = new URL(".", import.meta.url);
    const modules = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const exported: string[] = [];
    for (const file of modules) {
      const exports = (await import(/* @vite-ignore */ new URL(file, dir).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports))
        if (typeof value === "function") exported.push(`${file.replace(/\.ts$/, "")}.${name}`);
    }
    const registered = new Set([
      ...Object.keys(ISOLATION_CHECKS),
      ...Object.keys(CHECKED_IN_OWN_SUITE),
      ...Object.keys(NOT_TENANT_DATA),
    ]);
    for (const [name, suite] of Object.entries(CHECKED_IN_OWN_SUITE))
      expect(readFileSync(new URL(suite, dir), "utf8"), `${suite} checks ${name}`).toContain(name.split(".")[1]);
    expect(exported.filter((name) => !registered.has(name)).sort()).toEqual([]);
    // No stale entry: each registered name is still a data function.
    expect([...registered].filter((name) => !exported.includes(name)).sort()).toEqual([]);
    expect(Object.keys(ISOLATION_CHECKS).filter((name) => name in NOT_TENANT_DATA)).toEqual([]);
    console.info(
      `lib/data: ${exported.length} functions, ${Object.keys(ISOLATION_CHECKS).length} checked for isolation, ${Object.keys(NOT_TENANT_DATA).length} not tenant data`,
    );
  });
});
