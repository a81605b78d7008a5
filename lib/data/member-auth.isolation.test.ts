import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditEvents, memberDrafts, memberInvitations, memberSessions, members, staffMemberships } from "@/db/schema";
import { memberScopeOf } from "@/lib/auth/member-sign-in";
import { assertCan } from "@/lib/auth/scope";
import { mintJobScope, scopeWhere, type MemberScope } from "@/lib/auth/tenant-scope";
import { recordAudit } from "@/lib/audit/record";
import { createPartner } from "@/lib/testing/factories";
import { createMember, createMemberInvitation } from "@/lib/testing/members";
import {
  acceptMemberInvitationRow,
  claimMemberTotpStep,
  enableMemberTotp,
  getMemberRow,
  setMemberLocale,
  setMemberPassword,
  setMemberPendingTotp,
} from "./member-auth";
import {
  createMemberSession,
  getLiveMemberSession,
  listLiveMemberSessions,
  revokeMemberSessions,
  revokeOwnMemberSession,
} from "./member-sessions";
import { findMemberByEmail } from "./member-writes";

const db = getDb();
const memberRow = async (id: string) => (await db.select().from(members).where(eq(members.id, id)))[0];
const meta = { ip: null, userAgent: "vitest" };

/**
 * Member data functions: A's scopes first see or change A's member, then member B1's scope (same
 * partner, another member) and partner B's scopes, aimed at the same ids, see and change nothing.
 */
describe("tenant isolation: member sign-in data", () => {
  let partnerA: Awaited<ReturnType<typeof createPartner>>;
  let a: MemberScope;
  let sibling: MemberScope;
  let otherPartner: MemberScope;
  const jobA = () => mintJobScope(partnerA.id, "isolation-test");
  let jobB: ReturnType<typeof mintJobScope>;

  beforeAll(async () => {
    partnerA = await createPartner("Members A");
    const partnerB = await createPartner("Members B");
    const memberA = await createMember(partnerA, { email: "a@members.test" });
    const memberA2 = await createMember(partnerA, { email: "a2@members.test" });
    const memberB = await createMember(partnerB, { email: "a@members.test" });
    const sid = async (m: typeof memberA) => createMemberSession(db, mintJobScope(m.partnerId, "t"), m.id, meta);
    a = memberScopeOf(memberA, partnerA, await sid(memberA));
    sibling = memberScopeOf(memberA2, partnerA, await sid(memberA2));
    otherPartner = memberScopeOf(memberB, partnerB, await sid(memberB));
    jobB = mintJobScope(partnerB.id, "isolation-test");
  });
  const strangers = () => [sibling, otherPartner, jobB];

  test("a member scope reads only the member's own row; another partner's scope finds nothing", async () => {
    expect((await getMemberRow(db, a, a.memberId))?.id).toBe(a.memberId);
    expect((await getMemberRow(db, jobA(), a.memberId))?.id).toBe(a.memberId);
    for (const scope of strangers()) expect(await getMemberRow(db, scope, a.memberId)).toBeUndefined();
    expect((await findMemberByEmail(db, jobA(), "A@members.test"))?.id).toBe(a.memberId);
    expect((await findMemberByEmail(db, jobB, "a@members.test"))?.id).toBe(otherPartner.memberId);
    expect(await findMemberByEmail(db, sibling, "a@members.test")).toBeUndefined();
  });

  test("locale, password, authenticator and TOTP step change only the scope's member", async () => {
    for (const scope of [sibling, otherPartner]) {
      await setMemberLocale(db, scope, "id");
      await setMemberPendingTotp(db, scope, "enc:pending-b");
    }
    for (const scope of strangers()) {
      expect(await setMemberPassword(db, scope, a.memberId, "forged-hash")).toBeUndefined();
      expect(await claimMemberTotpStep(db, scope, a.memberId, 5)).toBe(false);
    }
    expect(await memberRow(a.memberId)).toMatchObject({
      locale: "en",
      passwordHash: null,
      pendingTotpSecret: null,
      totpLastStep: null,
    });

    expect(await setMemberLocale(db, a, "id")).toBe(true);
    expect(await setMemberPendingTotp(db, a, "enc:pending-a")).toBe(true);
    expect(await enableMemberTotp(db, sibling, "enc:pending-a", 7)).toBe(false);
    expect(await enableMemberTotp(db, a, "enc:pending-a", 7)).toBe(true);
    expect(await claimMemberTotpStep(db, jobA(), a.memberId, 8)).toBe(true);
    expect((await setMemberPassword(db, jobA(), a.memberId, "real-hash"))?.passwordHash).toBe("real-hash");
    expect(await memberRow(a.memberId)).toMatchObject({
      locale: "id",
      totpSecret: "enc:pending-a",
      totpLastStep: 8,
      passwordHash: "real-hash",
    });
  });

  test("an invitation is accepted only under its partner's scope", async () => {
    const member = await createMember(partnerA);
    const { invitation } = await createMemberInvitation(member);
    for (const scope of [otherPartner, jobB])
      expect(await acceptMemberInvitationRow(db, scope, invitation.id)).toBe(false);
    const [open] = await db.select().from(memberInvitations).where(eq(memberInvitations.id, invitation.id));
    expect(open.acceptedAt).toBeNull();
    expect(await acceptMemberInvitationRow(db, jobA(), invitation.id)).toBe(true);
    expect(await acceptMemberInvitationRow(db, jobA(), invitation.id)).toBe(false);
  });

  test("sessions: opened for the scope's partner only, listed and revoked per member", async () => {
    const session = await createMemberSession(db, jobA(), a.memberId, meta);
    await expect(createMemberSession(db, jobB, a.memberId, meta)).rejects.toThrow();
    expect((await listLiveMemberSessions(db, a, a.memberId)).map((s) => s.id)).toContain(session);
    for (const scope of strangers()) {
      expect(await listLiveMemberSessions(db, scope, a.memberId)).toEqual([]);
      expect(await revokeMemberSessions(db, scope, a.memberId)).toBe(0);
    }
    // Sign-out ends only the scope's own session.
    expect(await revokeOwnMemberSession(db, sibling)).toBe(true);
    expect((await listLiveMemberSessions(db, a, a.memberId)).length).toBe(2);
    expect(await revokeOwnMemberSession(db, a)).toBe(true);
    expect((await listLiveMemberSessions(db, a, a.memberId)).map((s) => s.id)).toEqual([session]);
    expect(await revokeMemberSessions(db, jobA(), a.memberId)).toBe(1);
  });

  test("scopeWhere narrows a member scope to the member, and refuses partner-wide tables", async () => {
    const ids = async (scope: MemberScope) =>
      (await db.select({ id: members.id }).from(members).where(scopeWhere(members, scope))).map((r) => r.id);
    expect(await ids(a)).toEqual([a.memberId]);
    const own = await db.select().from(memberSessions).where(scopeWhere(memberSessions, sibling));
    expect(own.every((s) => s.memberId === sibling.memberId && s.partnerId === partnerA.id)).toBe(true);
    expect(own.length).toBeGreaterThan(0);
    await db.insert(memberDrafts).values({ partnerId: partnerA.id, memberId: a.memberId, step: "personal" });
    expect(await db.select().from(memberDrafts).where(scopeWhere(memberDrafts, sibling))).toEqual([]);
    expect(() => scopeWhere(staffMemberships, a)).toThrow(/member scope may not read staff_memberships/);
  });

  test("a member scope satisfies no staff permission check", () => {
    // @ts-expect-error staff permission checks take a StaffScope, never a member's
    expect(() => assertCan(a, "records.read")).toThrow();
  });

  test("a live session's last-seen time is kept current", async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db
      .update(memberSessions)
      .set({ lastSeenAt: hourAgo })
      .where(eq(memberSessions.id, otherPartner.member.sessionId));
    const live = await getLiveMemberSession(db, otherPartner.member.sessionId);
    expect(live?.member.id).toBe(otherPartner.memberId);
    const [row] = await db.select().from(memberSessions).where(eq(memberSessions.id, otherPartner.member.sessionId));
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(hourAgo.getTime() + 60_000);
  });

  test("a member's audit row joins the partner's one chain, signed as that member", async () => {
    const before = await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partnerA.id));
    await recordAudit(db, jobA(), { action: "test.job", actor: { userId: null, email: "system" } });
    await recordAudit(db, a, {
      action: "test.member",
      actor: { userId: null, email: "forged@x" },
      memberId: sibling.memberId,
    });
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partnerA.id));
    const last = rows.sort((x, y) => x.seq - y.seq).at(-1)!;
    expect(last).toMatchObject({ action: "test.member", memberId: a.memberId, seq: before.length + 2 });
    expect(last.actorEmail).toBe("member (a@members.test)");
  });
});
