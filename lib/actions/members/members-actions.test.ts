import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { getDb } from "@/db";
import { auditEvents, mailOutbox, memberInvitations, members, partners } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { connectedPartner, startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";

// Stand-ins only for what needs a live Next.js request; the actions, the services, the sandbox over
// HTTP and the database run for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/request-context", () => ({
  getRequestMeta: async () => ({ requestId: "req-members", ip: "127.0.0.1", userAgent: "vitest" }),
}));
const { updateMemberOnboardingAction } = await import("./update-onboarding-settings");
const { createMemberAction } = await import("./create-member");
const { resendMemberInvitationAction, revokeMemberInvitationAction, sendMemberInvitationAction } =
  await import("./invitations");

const db = getDb();
let sandbox: TestSandbox;
let admin: StaffScope;
let operator: StaffScope;
let viewer: StaffScope;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = (await connectedPartner(sandbox)).scope as StaffScope;
  const partner = { id: admin.partnerId, slug: admin.partnerSlug };
  operator = (await createStaff(partner, "operator")).scope;
  viewer = (await createStaff(partner, "viewer")).scope;
});
afterAll(() => sandbox.stop());

const as = (scope: StaffScope) => {
  session.user = scope.user;
};
const partnerRow = async () => (await db.select().from(partners).where(eq(partners.id, admin.partnerId)))[0];
const audits = (action: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, admin.partnerId), eq(auditEvents.action, action)));
const memberForm = (overrides: Record<string, string> = {}) => ({
  partnerSlug: admin.partnerSlug,
  idempotencyKey: crypto.randomUUID(),
  signup: "full_company",
  email: `a-${crypto.randomUUID().slice(0, 8)}@example.com`,
  firstName: "Budi",
  lastName: "Santoso",
  companyName: "Santoso Logistik",
  countryCode: "ID",
  locale: "en",
  ...overrides,
});

describe("Settings → Member onboarding", () => {
  test("an admin saves the review switch and the enabled signups, audited with before and after", async () => {
    as(admin);
    const result = await updateMemberOnboardingAction(undefined, {
      partnerSlug: admin.partnerSlug,
      signup_full: "on",
      signup_lite_individual: "on",
    });
    expect(result).toEqual({ ok: true, data: undefined });
    expect(await partnerRow()).toMatchObject({
      memberReviewRequired: false,
      memberSignupKinds: ["full", "lite_individual"],
    });
    const [row] = await audits("settings.member_onboarding_updated");
    expect(row).toMatchObject({
      before: { memberReviewRequired: true, memberSignupKinds: ["full"] },
      after: { memberReviewRequired: false, memberSignupKinds: ["full", "lite_individual"] },
    });
  });

  test("no signup ticked, or a value that is not a checkbox: a field error and nothing changes", async () => {
    as(admin);
    const before = await partnerRow();
    const none = await updateMemberOnboardingAction(undefined, {
      partnerSlug: admin.partnerSlug,
      memberReviewRequired: "on",
    });
    expect(none).toMatchObject({
      ok: false,
      fieldErrors: { memberSignupKinds: [expect.stringMatching(/at least one/)] },
    });
    const odd = await updateMemberOnboardingAction(undefined, {
      partnerSlug: admin.partnerSlug,
      signup_full: "yes please",
    });
    expect(odd).toMatchObject({ ok: false, fieldErrors: { signup_full: [expect.any(String)] } });
    expect(await partnerRow()).toMatchObject({
      memberReviewRequired: before.memberReviewRequired,
      memberSignupKinds: before.memberSignupKinds,
    });
  });

  test("an operator may not change it", async () => {
    as(operator);
    const result = await updateMemberOnboardingAction(undefined, { partnerSlug: admin.partnerSlug, signup_full: "on" });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/permission/) });
    expect((await partnerRow()).memberSignupKinds).toEqual(["full", "lite_individual"]);
  });
});

describe("the new member form's action", () => {
  test("an operator creates a company member; Wallex, the invitation and the audit follow", async () => {
    as(operator);
    const form = memberForm();
    const result = await createMemberAction(undefined, form);
    expect(result).toMatchObject({ ok: true, data: { email: form.email, replayed: false } });
    const memberId = (result as { data: { memberId: string } }).data.memberId;
    const [member] = await db.select().from(members).where(eq(members.id, memberId));
    expect(member).toMatchObject({ accountType: "company", companyName: "Santoso Logistik", stage: "invited" });
    expect(member.wallexUserId).toBeTruthy();
    const [created] = (await audits("member.created")).filter((a) => a.memberId === memberId);
    expect(created.actorUserId).toBe(operator.user.id);
    expect(created.requestId).toBe("req-members");

    // The same form again (a double click): the same member, nothing new.
    const again = await createMemberAction(undefined, form);
    expect(again).toMatchObject({ ok: true, data: { memberId, replayed: true } });
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.to, form.email))).toHaveLength(1);
  });

  test("bad input: field errors, nothing created; a viewer is refused", async () => {
    as(operator);
    const bad = await createMemberAction(
      undefined,
      memberForm({ email: "not-an-email", companyName: "", countryCode: "XX" }),
    );
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        email: [expect.any(String)],
        companyName: ["Enter the company's name."],
        countryCode: [expect.any(String)],
      },
    });
    const disabled = await createMemberAction(undefined, memberForm({ signup: "lite_company" }));
    expect(disabled).toMatchObject({ ok: false, fieldErrors: { signup: [expect.stringMatching(/not enabled/)] } });

    as(viewer);
    const form = memberForm();
    const refused = await createMemberAction(undefined, form);
    expect(refused).toMatchObject({ ok: false, formError: expect.stringMatching(/permission/) });
    expect(await db.select().from(members).where(like(members.email, form.email))).toEqual([]);
  });

  test("from the access tab: resend, revoke and a new invitation, each audited; a viewer may do none", async () => {
    as(operator);
    const created = await createMemberAction(undefined, memberForm());
    const memberId = (created as { data: { memberId: string } }).data.memberId;
    const [open] = await db.select().from(memberInvitations).where(eq(memberInvitations.memberId, memberId));
    const ids = { partnerSlug: admin.partnerSlug, memberId, invitationId: open.id };

    as(viewer);
    expect(await resendMemberInvitationAction(undefined, ids)).toMatchObject({ ok: false });
    expect(await revokeMemberInvitationAction(undefined, ids)).toMatchObject({ ok: false });

    as(operator);
    expect(await resendMemberInvitationAction(undefined, ids)).toMatchObject({ ok: true });
    const [resent] = await db.select().from(memberInvitations).where(eq(memberInvitations.id, open.id));
    expect(resent.tokenHash).not.toBe(open.tokenHash);
    expect(await revokeMemberInvitationAction(undefined, ids)).toMatchObject({ ok: true });
    expect(await revokeMemberInvitationAction(undefined, ids)).toMatchObject({ ok: false, formError: /not found/i });
    expect(await sendMemberInvitationAction(undefined, { partnerSlug: admin.partnerSlug, memberId })).toMatchObject({
      ok: true,
    });
    for (const action of ["member.invitation_resent", "member.invitation_revoked", "member.invitation_created"]) {
      expect((await audits(action)).filter((a) => a.memberId === memberId).length, action).toBeGreaterThan(0);
    }
  });

  test("another partner's staff cannot reach this partner's member", async () => {
    as(operator);
    const created = await createMemberAction(undefined, memberForm());
    const memberId = (created as { data: { memberId: string } }).data.memberId;
    const other = (await connectedPartner(sandbox)).scope as StaffScope;
    as(other);
    const result = await sendMemberInvitationAction(undefined, { partnerSlug: other.partnerSlug, memberId });
    expect(result).toMatchObject({ ok: false, formError: /not found/i });
    expect(await db.select().from(memberInvitations).where(eq(memberInvitations.memberId, memberId))).toHaveLength(1);
  });

  test("a partner without a Wallex connection: a message, and no member is left behind", async () => {
    const lone = (await createStaff(await createPartner("No connection"), "operator")).scope;
    as(lone);
    const form = { ...memberForm(), partnerSlug: lone.partnerSlug };
    const result = await createMemberAction(undefined, form);
    expect(result).toMatchObject({ ok: false, formError: expect.any(String) });
    expect(await db.select().from(members).where(eq(members.partnerId, lone.partnerId))).toEqual([]);
  });
});
