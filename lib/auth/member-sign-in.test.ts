import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditEvents, memberSessions } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto";
import { getLiveMemberSession, revokeMemberSessions, revokeOwnMemberSession } from "@/lib/data/member-sessions";
import { createPartner, createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { createMember } from "@/lib/testing/members";
import { signInMember } from "./member-sign-in";
import { signInWithPassword } from "./sign-in";
import { mintJobScope } from "./tenant-scope";
import { newTotpSecret } from "./totp";

const db = getDb();
const meta = (ip = `10.1.0.${Math.floor(Math.random() * 250)}`) => ({ requestId: "req-test", ip, userAgent: "vitest" });

describe("signInMember", () => {
  test("the right password opens a live member session and audits it as the member", async () => {
    const partner = await createPartner();
    const member = await createMember(partner, { withPassword: true });
    const result = await signInMember(
      db,
      { partnerSlug: partner.slug, email: member.email.toUpperCase(), password: TEST_PASSWORD },
      meta(),
    );
    if (!result.ok) throw new Error(`sign-in failed: ${result.problem.kind}`);
    expect(result.scope).toMatchObject({ kind: "member", memberId: member.id, partnerId: partner.id });
    const live = await getLiveMemberSession(db, result.sessionId);
    expect(live?.member.id).toBe(member.id);
    expect(live?.partner.slug).toBe(partner.slug);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.action, "member.signed_in")));
    expect(event).toMatchObject({ actorUserId: null, memberId: member.id, targetId: member.id });
    expect(event.actorEmail).toContain(member.email);
  });

  test("a wrong password, an unknown email, another partner or no password yet are all just invalid", async () => {
    const partner = await createPartner();
    const other = await createPartner();
    const member = await createMember(partner, { withPassword: true });
    const invited = await createMember(partner);
    const invalid = { ok: false, problem: { kind: "invalid" } };
    const tries = [
      { partnerSlug: partner.slug, email: member.email, password: "wrong password!" },
      { partnerSlug: partner.slug, email: "nobody@example.test", password: TEST_PASSWORD },
      { partnerSlug: other.slug, email: member.email, password: TEST_PASSWORD },
      { partnerSlug: "no-such-partner", email: member.email, password: TEST_PASSWORD },
      { partnerSlug: partner.slug, email: invited.email, password: "" },
    ];
    for (const input of tries) expect(await signInMember(db, input, meta()), JSON.stringify(input)).toEqual(invalid);
    expect(await db.select().from(memberSessions).where(eq(memberSessions.memberId, member.id))).toEqual([]);
  });

  test("five wrong passwords lock the member account, but not a staff account of the same email", async () => {
    const partner = await createPartner();
    const user = await createUser();
    const member = await createMember(partner, { withPassword: true, email: user.email });
    for (let i = 0; i < 5; i++)
      await signInMember(db, { partnerSlug: partner.slug, email: member.email, password: "wrong" }, meta());
    const locked = await signInMember(
      db,
      { partnerSlug: partner.slug, email: member.email, password: TEST_PASSWORD },
      meta(),
    );
    expect(locked).toMatchObject({ ok: false, problem: { kind: "locked", minutes: 15 } });
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, meta())).toMatchObject({
      ok: true,
    });
  });

  test("an IP that tries many member accounts is locked, apart from staff's counter", async () => {
    const partner = await createPartner();
    const ip = "192.0.2.91";
    for (let i = 0; i < 30; i++)
      await signInMember(db, { partnerSlug: partner.slug, email: `nobody${i}@example.test`, password: "x" }, meta(ip));
    const member = await createMember(partner, { withPassword: true });
    expect(
      await signInMember(db, { partnerSlug: partner.slug, email: member.email, password: TEST_PASSWORD }, meta(ip)),
    ).toMatchObject({ ok: false, problem: { kind: "locked" } });
    const user = await createUser();
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, meta(ip))).toMatchObject({
      ok: true,
    });
  });

  test("with an authenticator: asks for a code, takes it once, refuses a wrong one", async () => {
    const partner = await createPartner();
    const secret = newTotpSecret();
    const member = await createMember(partner, { withPassword: true, totpSecret: encryptSecret(secret) });
    const input = { partnerSlug: partner.slug, email: member.email, password: TEST_PASSWORD };
    expect(await signInMember(db, input, meta())).toEqual({ ok: false, problem: { kind: "code_required" } });
    expect(await signInMember(db, { ...input, code: "000000" }, meta())).toMatchObject({
      ok: false,
      problem: { kind: "code_invalid" },
    });
    const code = await generate({ secret });
    expect(await signInMember(db, { ...input, code }, meta())).toMatchObject({ ok: true });
    expect(await signInMember(db, { ...input, code }, meta())).toMatchObject({
      ok: false,
      problem: { kind: "code_invalid" },
    });
  });

  test("a revoked or expired session is no longer live", async () => {
    const partner = await createPartner();
    const member = await createMember(partner, { withPassword: true });
    const input = { partnerSlug: partner.slug, email: member.email, password: TEST_PASSWORD };
    const first = await signInMember(db, input, meta());
    const second = await signInMember(db, input, meta());
    const third = await signInMember(db, input, meta());
    if (!first.ok || !second.ok || !third.ok) throw new Error("sign-in failed");

    expect(await revokeOwnMemberSession(db, first.scope)).toBe(true);
    expect(await getLiveMemberSession(db, first.sessionId)).toBeNull();
    expect(await getLiveMemberSession(db, second.sessionId)).not.toBeNull();

    await db
      .update(memberSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(memberSessions.id, second.sessionId));
    expect(await getLiveMemberSession(db, second.sessionId)).toBeNull();

    // Staff of the partner end the member's remaining sessions (removing portal access).
    expect(await revokeMemberSessions(db, mintJobScope(partner.id, "test"), member.id)).toBe(2); // the expired one too
    expect(await getLiveMemberSession(db, third.sessionId)).toBeNull();
  });
});
