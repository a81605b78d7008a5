import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditEvents, memberInvitations, members } from "@/db/schema";
import { signInMember } from "@/lib/auth/member-sign-in";
import { createPartner } from "@/lib/testing/factories";
import { createMember, createMemberInvitation } from "@/lib/testing/members";
import { acceptMemberInvitation, lookupMemberInvitation } from "./accept-member-invitation";

const db = getDb();
const meta = { requestId: "req-test", ip: null, userAgent: "vitest" };
const PASSWORD = "a new member password";

describe("member invitation acceptance", () => {
  test("sets the password, spends the link, moves invited → in_progress, audits as the member", async () => {
    const partner = await createPartner();
    const member = await createMember(partner);
    const { invitation, token } = await createMemberInvitation(member);
    expect(await lookupMemberInvitation(db, partner.slug, token)).toMatchObject({ status: "valid" });

    const accepted = await acceptMemberInvitation(db, { partnerSlug: partner.slug, token, password: PASSWORD }, meta);
    expect(accepted.member).toMatchObject({ id: member.id, stage: "in_progress" });
    const [row] = await db.select().from(members).where(eq(members.id, member.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.stage).toBe("in_progress");
    const [inv] = await db.select().from(memberInvitations).where(eq(memberInvitations.id, invitation.id));
    expect(inv.acceptedAt).not.toBeNull();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partner.id));
    expect(events.find((e) => e.action === "member.invitation_accepted")).toMatchObject({
      memberId: member.id,
      actorUserId: null,
      targetId: invitation.id,
    });

    // The chosen password signs the member in; the link is spent.
    expect(
      await signInMember(db, { partnerSlug: partner.slug, email: member.email, password: PASSWORD }, meta),
    ).toMatchObject({ ok: true });
    expect(await lookupMemberInvitation(db, partner.slug, token)).toEqual({ status: "used" });
  });

  test("a later stage stays as it is", async () => {
    const partner = await createPartner();
    const member = await createMember(partner, { stage: "changes_requested" });
    const { token } = await createMemberInvitation(member);
    await acceptMemberInvitation(db, { partnerSlug: partner.slug, token, password: PASSWORD }, meta);
    const [row] = await db.select().from(members).where(eq(members.id, member.id));
    expect(row.stage).toBe("changes_requested");
  });

  test("expired, used, revoked, malformed, forged and another partner's links are refused, changing nothing", async () => {
    const partner = await createPartner();
    const other = await createPartner();
    const hour = 3_600_000;
    const expired = await createMemberInvitation(await createMember(partner), {
      expiresAt: new Date(Date.now() - hour),
    });
    const used = await createMemberInvitation(await createMember(partner), { acceptedAt: new Date() });
    const revoked = await createMemberInvitation(await createMember(partner), { revokedAt: new Date() });
    const valid = await createMemberInvitation(await createMember(partner));
    const forged = `${valid.invitation.id}.${"A".repeat(43)}`;
    const cases: [string, string, string][] = [
      [partner.slug, expired.token, "expired"],
      [partner.slug, used.token, "used"],
      [partner.slug, revoked.token, "revoked"],
      [partner.slug, "not-a-token", "invalid"],
      [partner.slug, `${crypto.randomUUID()}.${"b".repeat(43)}`, "invalid"],
      [partner.slug, forged, "invalid"],
      [other.slug, valid.token, "invalid"],
    ];
    for (const [slug, token, status] of cases) {
      expect(await lookupMemberInvitation(db, slug, token), token).toEqual({ status });
      await expect(
        acceptMemberInvitation(db, { partnerSlug: slug, token, password: PASSWORD }, meta),
      ).rejects.toMatchObject({ code: "CONFLICT" });
    }
    const rows = await db.select().from(members).where(eq(members.partnerId, partner.id));
    expect(rows.every((m) => m.passwordHash === null && m.stage === "invited")).toBe(true);
  });

  test("two concurrent accepts of one link: exactly one wins", async () => {
    const partner = await createPartner();
    const member = await createMember(partner);
    const { token } = await createMemberInvitation(member);
    const results = await Promise.allSettled([
      acceptMemberInvitation(db, { partnerSlug: partner.slug, token, password: "first password!!" }, meta),
      acceptMemberInvitation(db, { partnerSlug: partner.slug, token, password: "second password!" }, meta),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toMatchObject([{ reason: { code: "CONFLICT" } }]);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partner.id));
    expect(events.filter((e) => e.action === "member.invitation_accepted")).toHaveLength(1);
  });
});
