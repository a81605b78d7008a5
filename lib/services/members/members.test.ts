import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import {
  auditEvents,
  mailOutbox,
  memberComments,
  memberInvitations,
  members,
  wallexIntents,
  wallexUsers,
  webhookEvents,
} from "@/db/schema";
import { auditedFor } from "@/lib/audit/audited";
import type { StaffScope } from "@/lib/auth/scope";
import { updateMemberOnboardingSettings } from "@/lib/data/member-writes";
import { AppError } from "@/lib/errors";
import { connectedPartner, startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";
import { processWebhookEvent } from "@/lib/wallex/inbox/process-event";
import { RESOURCES } from "@/lib/wallex/mirror/read-map";
import { applyToMirror } from "@/lib/wallex/mirror/store";
import { parseInvitationToken, secretMatches } from "../invitation-token";
import { createMember } from "./create-member";
import { createMemberInvitation, invitationState, resendMemberInvitation, revokeMemberInvitation } from "./invitations";
import { newMemberSchema, type NewMemberInput } from "./schemas";

const db = getDb();
let sandbox: TestSandbox;
let setup: Awaited<ReturnType<typeof connectedPartner>>;
let scope: StaffScope;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  setup = await connectedPartner(sandbox);
  scope = setup.scope as StaffScope;
});
afterAll(() => sandbox.stop());

const uniqueEmail = (tag = "") => `m-${crypto.randomUUID().slice(0, 8)}${tag}@example.com`;
const form = (overrides: Record<string, string> = {}): NewMemberInput =>
  newMemberSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    signup: "full_company",
    email: uniqueEmail(),
    firstName: "Siti",
    lastName: "Rahma",
    companyName: "Rahma Trading",
    countryCode: "ID",
    locale: "id",
    ...overrides,
  });
const create = (input: NewMemberInput) =>
  createMember(db, scope, input, {
    client: async () => setup.client,
    audited: auditedFor(db, scope, "member.created"),
  });
const wallexUsersWith = async (email: string) =>
  (await setup.client.users.list({ query: { email: email.toLowerCase(), limit: 100 } })).data;
const memberRows = (email: string) =>
  db
    .select()
    .from(members)
    .where(and(eq(members.partnerId, scope.partnerId), eq(members.email, email)));
const mailsTo = (email: string) =>
  db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.partnerId, scope.partnerId), eq(mailOutbox.to, email)))
    .orderBy(mailOutbox.createdAt);
const tokenIn = (text: string) => {
  const match = new RegExp(`/m/${scope.partnerSlug}/invite/(\\S+)`).exec(text);
  return parseInvitationToken(match![1])!;
};
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );

describe("creating members at Wallex", () => {
  beforeAll(async () => {
    await updateMemberOnboardingSettings(db, scope, {
      memberReviewRequired: true,
      memberSignupKinds: ["full", "lite_company", "lite_individual"],
    });
  });

  test.each([
    ["full_individual", {}, "individual", "draft"],
    ["full_company", {}, "company", "draft"],
    ["lite_company", { registrationNumber: "201912345K", countryOfIncorporation: "SG" }, "company", "pending_approval"],
    [
      "lite_individual",
      { nationality: "ID", mobileCountryCode: "+62", mobileNumber: "81234567", dateOfBirth: "1990-01-31" },
      "individual",
      "pending_approval",
    ],
  ] as const)(
    "a %s signup creates the member, its Wallex user, the mirror row and the invitation",
    async (signup, extra, accountType, status) => {
      const input = form({ signup, ...extra });
      const { member, replayed } = await create(input);
      expect(replayed).toBe(false);
      const [wallexUser] = await wallexUsersWith(input.email);
      expect(wallexUser).toMatchObject({ accountType, status });
      expect(member).toMatchObject({
        stage: "invited",
        accountType,
        wallexUserId: wallexUser.id,
        wallexAccountId: wallexUser.accountId,
        wallexStatus: status,
        locale: "id",
      });
      const [mirrored] = await db
        .select()
        .from(wallexUsers)
        .where(and(eq(wallexUsers.partnerId, scope.partnerId), eq(wallexUsers.wallexId, wallexUser.id)));
      expect(mirrored.status).toBe(status);
      const [invitation] = await db.select().from(memberInvitations).where(eq(memberInvitations.memberId, member.id));
      expect(invitationState(invitation)).toBe("pending");
      if ("dateOfBirth" in extra) {
        // Typed as ISO, stored by Wallex in its own dd-MM-yyyy.
        const detail = await setup.client.users.retrieveDetail({ userId: wallexUser.id });
        expect(detail.dateOfBirth).toBe("31-01-1990");
      }
      const [mail] = await mailsTo(input.email);
      expect(mail.subject).toContain("selesaikan pembukaan akun Wallex Anda");
      expect(mail.text).toContain(`/m/${scope.partnerSlug}/invite/${invitation.id}.`);
      const audit = await db.select().from(auditEvents).where(eq(auditEvents.memberId, member.id));
      expect(audit.map((a) => a.action).sort()).toEqual(["member.created", "member.invitation_created"]);
    },
  );

  test("the form's fields reach Wallex only for the signup that takes them", async () => {
    const input = form({ signup: "full_individual", companyName: "Ignored Ltd" });
    const { member } = await create(input);
    expect(member.companyName).toBeNull();
    const [wallexUser] = await wallexUsersWith(input.email);
    expect(wallexUser.companyName ?? null).toBeNull();
  });

  test("a kind the partner has not enabled is refused by us, before Wallex hears of it", async () => {
    await updateMemberOnboardingSettings(db, scope, { memberReviewRequired: true, memberSignupKinds: ["full"] });
    try {
      const input = form({ signup: "lite_company" });
      const error = await rejection(create(input));
      expect(error?.fieldErrors?.signup?.[0]).toMatch(/not enabled/);
      expect(await wallexUsersWith(input.email)).toEqual([]);
      expect(await memberRows(input.email)).toEqual([]);
    } finally {
      await updateMemberOnboardingSettings(db, scope, {
        memberReviewRequired: true,
        memberSignupKinds: ["full", "lite_company", "lite_individual"],
      });
    }
  });

  test("the same idempotency key twice (and at once) signs one person up", async () => {
    const input = form();
    const [a, b] = await Promise.all([create(input), create(input)]);
    const again = await create(input);
    expect(new Set([a.member.id, b.member.id, again.member.id]).size).toBe(1);
    expect(again.replayed).toBe(true);
    expect(await wallexUsersWith(input.email)).toHaveLength(1);
    expect(await memberRows(input.email)).toHaveLength(1);
    expect(await mailsTo(input.email)).toHaveLength(1);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.memberId, a.member.id));
    expect(audit.filter((row) => row.action === "member.created")).toHaveLength(1);
  });

  test("a lost answer, then the retry: the retry reads the user back instead of signing up again", async () => {
    const input = form();
    await sandbox.sandbox.control.failNextRequests({ remaining: 1, status: 504, after: true });
    const error = await rejection(create(input));
    expect(error?.userMessage).toMatch(/did not confirm/);
    expect(await wallexUsersWith(input.email)).toHaveLength(1); // it went through
    const [pending] = await memberRows(input.email);
    expect(pending).toMatchObject({ wallexUserId: null, stage: "invited" });
    const [intent] = await db
      .select()
      .from(wallexIntents)
      .where(and(eq(wallexIntents.partnerId, scope.partnerId), eq(wallexIntents.idempotencyKey, input.idempotencyKey)));
    expect(intent).toMatchObject({ state: "unknown", kind: "user", operation: "signup" });

    const retried = await create(input);
    expect(retried.member.id).toBe(pending.id);
    const users = await wallexUsersWith(input.email);
    expect(users).toHaveLength(1);
    expect(retried.member.wallexUserId).toBe(users[0].id);
    expect(await mailsTo(input.email)).toHaveLength(1);
  });

  test("an email already a member of this partner: a field error, and nothing is sent", async () => {
    const input = form();
    await create(input);
    const before = (await wallexUsersWith(input.email)).length;
    const error = await rejection(create(form({ email: input.email.toUpperCase() })));
    expect(error?.fieldErrors?.email?.[0]).toMatch(/already a member/);
    expect(await wallexUsersWith(input.email)).toHaveLength(before);
    expect(await mailsTo(input.email)).toHaveLength(1);
  });

  test("Wallex's 400 lands next to the field, and leaves no member behind; corrected, the same form goes through", async () => {
    const taken = uniqueEmail();
    await setup.client.users.signup({
      body: { email: taken, firstName: "A", lastName: "B", countryCode: "SG", accountType: "individual" },
    });
    const input = form({ email: taken });
    const error = await rejection(create(input));
    expect(error?.fieldErrors?.email).toEqual(["Wallex already has a user with this email."]);
    expect(await memberRows(taken)).toEqual([]);
    expect(await mailsTo(taken)).toEqual([]);

    const fixed = { ...input, email: uniqueEmail() };
    const { member } = await create(fixed);
    expect(member.wallexUserId).toBe((await wallexUsersWith(fixed.email))[0].id);
  });

  test("a signup Wallex has not enabled for the partner: a field error on the choice", async () => {
    await sandbox.sandbox.control.setFeatures({ signupLiteIndividual: false });
    try {
      const input = form({ signup: "lite_individual" });
      const error = await rejection(create(input));
      expect(error?.fieldErrors?.signup?.[0]).toMatch(/Wallex has not enabled/);
      expect(await memberRows(input.email)).toEqual([]);
    } finally {
      await sandbox.sandbox.control.setFeatures({ signupLiteIndividual: true });
    }
  });
});

describe("member invitations", () => {
  test("resend: a new secret and 72 hours, the old link dead; revoke closes it; a new one can follow", async () => {
    const input = form({ locale: "en" });
    const { member } = await create(input);
    const [first] = await mailsTo(input.email);
    expect(first.subject).toContain("finish opening your Wallex account");
    const oldToken = tokenIn(first.text);
    const [before] = await db.select().from(memberInvitations).where(eq(memberInvitations.id, oldToken.invitationId));
    expect(secretMatches(oldToken.secret, before.tokenHash)).toBe(true);

    const resent = await db.transaction((tx) =>
      resendMemberInvitation(tx, scope, { memberId: member.id, invitationId: before.id }),
    );
    const newToken = tokenIn((await mailsTo(input.email))[1].text);
    expect(newToken.invitationId).toBe(before.id);
    expect(secretMatches(oldToken.secret, resent.invitation.tokenHash)).toBe(false);
    expect(secretMatches(newToken.secret, resent.invitation.tokenHash)).toBe(true);
    expect(resent.invitation.expiresAt.getTime()).toBeGreaterThanOrEqual(before.expiresAt.getTime());
    expect(resent.invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);

    const pending = await rejection(db.transaction((tx) => createMemberInvitation(tx, scope, member.id)));
    expect(pending?.userMessage).toMatch(/already pending/);

    await db.transaction((tx) => revokeMemberInvitation(tx, scope, { memberId: member.id, invitationId: before.id }));
    const [revoked] = await db.select().from(memberInvitations).where(eq(memberInvitations.id, before.id));
    expect(invitationState(revoked)).toBe("revoked");
    const again = await rejection(
      db.transaction((tx) => revokeMemberInvitation(tx, scope, { memberId: member.id, invitationId: before.id })),
    );
    expect(again?.code).toBe("NOT_FOUND");
    const resendRevoked = await rejection(
      db.transaction((tx) => resendMemberInvitation(tx, scope, { memberId: member.id, invitationId: before.id })),
    );
    expect(resendRevoked?.code).toBe("NOT_FOUND");

    const { invitation } = await db.transaction((tx) => createMemberInvitation(tx, scope, member.id));
    expect(invitation.id).not.toBe(before.id);
    expect(invitationState(invitation)).toBe("pending");
  });

  test("an expired invitation makes way for a new one and is kept as expired", async () => {
    const { member } = await create(form({ locale: "en" }));
    const [open] = await db.select().from(memberInvitations).where(eq(memberInvitations.memberId, member.id));
    await db
      .update(memberInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(memberInvitations.id, open.id));
    const { invitation } = await db.transaction((tx) => createMemberInvitation(tx, scope, member.id));
    const [old] = await db.select().from(memberInvitations).where(eq(memberInvitations.id, open.id));
    expect(invitationState(old)).toBe("expired");
    expect(invitationState(invitation)).toBe("pending");
  });
});

describe("members follow their Wallex user", () => {
  async function processAll() {
    await sandbox.sandbox.control.settle();
    const waiting = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.partnerId, scope.partnerId), eq(webhookEvents.outcome, "received")));
    for (const event of waiting) await processWebhookEvent(db, scope, event.id);
  }
  const memberRow = async (id: string) => (await db.select().from(members).where(eq(members.id, id)))[0];

  test("a webhook moves the member's status; resubmission asks for changes with Wallex's reason, seen by the member", async () => {
    const { member } = await create(form({ signup: "full_individual" }));
    await processAll();
    await sandbox.sandbox.control.decideUser(member.wallexUserId!, "pending_approval");
    await processAll();
    const screened = await memberRow(member.id);
    expect(screened).toMatchObject({ wallexStatus: "pending_approval", stage: "invited" });
    expect(screened.lastActivityAt.getTime()).toBeGreaterThanOrEqual(member.lastActivityAt.getTime());

    await sandbox.sandbox.control.decideUser(
      member.wallexUserId!,
      "document_needs_resubmission",
      "Passport photo is blurred",
    );
    await processAll();
    expect(await memberRow(member.id)).toMatchObject({
      wallexStatus: "document_needs_resubmission",
      wallexReason: "Passport photo is blurred",
      stage: "changes_requested",
    });
    const comments = await db.select().from(memberComments).where(eq(memberComments.memberId, member.id));
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ source: "wallex", memberVisible: true, body: "Passport photo is blurred" });

    const audit = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.memberId, member.id))
      .orderBy(auditEvents.seq);
    const moves = audit.filter((a) => a.action === "member.wallex_status_changed");
    expect(moves.map((a) => (a.after as { wallexStatus: string }).wallexStatus)).toEqual([
      "pending_approval",
      "document_needs_resubmission",
    ]);

    // Re-reading the same status adds no second comment.
    await sandbox.sandbox.control.decideUser(member.wallexUserId!, "pending_approval");
    await processAll();
    await sandbox.sandbox.control.decideUser(member.wallexUserId!, "approved");
    await processAll();
    expect(await memberRow(member.id)).toMatchObject({ wallexStatus: "approved", wallexReason: null });
    expect(await db.select().from(memberComments).where(eq(memberComments.memberId, member.id))).toHaveLength(1);
  });

  test("without a reason on the object, the notification's reason is kept; a signup whose answer was lost is linked on reconcile", async () => {
    const { member } = await create(form({ signup: "full_individual" }));
    const object = { ...(await setup.client.users.retrieve({ userId: member.wallexUserId! })) } as Record<
      string,
      unknown
    >;
    await db.insert(webhookEvents).values({
      partnerId: scope.partnerId,
      resource: "user",
      resourceId: member.wallexUserId,
      status: "document_needs_resubmission",
      payload: { reason: "Selfie does not match the passport" },
      outcome: "processed",
    });
    await applyToMirror(
      db,
      scope,
      RESOURCES.user,
      { ...object, id: member.wallexUserId!, status: "document_needs_resubmission", statusReason: null },
      { readAt: new Date(), source: "webhook" },
    );
    expect(await memberRow(member.id)).toMatchObject({
      wallexStatus: "document_needs_resubmission",
      wallexReason: "Selfie does not match the passport",
      stage: "changes_requested",
    });

    // An unsigned member (its signup's answer lost): the first read of its user names it.
    const input = form();
    await sandbox.sandbox.control.failNextRequests({ remaining: 1, status: 504, after: true });
    await rejection(create(input));
    const [pending] = await memberRows(input.email);
    const [user] = await wallexUsersWith(input.email);
    await applyToMirror(db, scope, RESOURCES.user, user as never, { readAt: new Date(), source: "reconcile" });
    expect(await memberRow(pending.id)).toMatchObject({
      wallexUserId: user.id,
      wallexAccountId: user.accountId,
      wallexStatus: "draft",
    });
  });
});
