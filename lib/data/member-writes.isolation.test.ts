import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { memberComments, memberInvitations, members, partners, wallexUsers, webhookEvents } from "@/db/schema";
import { mintJobScope, mintWebhookScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { createPartner, createStaff } from "@/lib/testing/factories";
import {
  getOpenMemberInvitation,
  insertMemberInvitation,
  listMemberInvitations,
  renewMemberInvitationToken,
  revokeMemberInvitationRow,
} from "./member-invitations";
import {
  applyWallexStatusToMember,
  claimSignupMember,
  deleteUnsignedMember,
  findMemberByEmail,
  findMemberForWallexUser,
  findNotifiedUserReason,
  getMemberOnboardingSettings,
  getMemberOrThrow,
  insertMemberComment,
  linkMemberToWallexUser,
  listMemberComments,
  updateMemberOnboardingSettings,
  type NewMemberRow,
} from "./member-writes";

const db = getDb();
const memberRow = async (id: string) => (await db.select().from(members).where(eq(members.id, id)))[0];
const invitationRow = async (id: string) =>
  (await db.select().from(memberInvitations).where(eq(memberInvitations.id, id)))[0];

/** lib/data/member-writes.ts and member-invitations.ts, aimed by partner B's scopes at A's rows; each first works for A. */
describe("tenant isolation: members' writes and invitations", () => {
  let a: TenantScope;
  let b: TenantScope;
  const scopesOfB = () => [b, mintJobScope(b.partnerId, "isolation-test"), mintWebhookScope(b.partnerId)];
  const newMember = (email = `m-${crypto.randomUUID().slice(0, 8)}@a.test`): NewMemberRow => ({
    accountType: "individual",
    signupKind: "full",
    email,
    firstName: "Ana",
    lastName: "Lim",
    companyName: null,
    countryCode: "SG",
    locale: "en",
    createdByMembershipId: null,
  });
  const memberOfA = async () => {
    const claim = await claimSignupMember(db, a, {
      idempotencyKey: crypto.randomUUID(),
      member: newMember(),
      signup: { signupKind: "full", body: {} },
    });
    if (claim.outcome !== "claimed") throw new Error(claim.outcome);
    return claim.member;
  };

  beforeAll(async () => {
    a = (await createStaff(await createPartner("Members A"), "admin")).scope;
    b = (await createStaff(await createPartner("Members B"), "admin")).scope;
  });

  test("onboarding settings: A reads and changes its own; B's scopes change only B's", async () => {
    const settings = { memberReviewRequired: false, memberSignupKinds: ["full", "lite_company"] as const };
    expect(
      await updateMemberOnboardingSettings(db, a, { ...settings, memberSignupKinds: [...settings.memberSignupKinds] }),
    ).toBe(true);
    expect(await getMemberOnboardingSettings(db, a)).toEqual({
      ...settings,
      memberSignupKinds: ["full", "lite_company"],
    });
    for (const scope of scopesOfB()) {
      await updateMemberOnboardingSettings(db, scope, {
        memberReviewRequired: true,
        memberSignupKinds: ["lite_individual"],
      });
      expect((await getMemberOnboardingSettings(db, scope)).memberSignupKinds).toEqual(["lite_individual"]);
    }
    const [rowA] = await db.select().from(partners).where(eq(partners.id, a.partnerId));
    expect(rowA).toMatchObject({ memberReviewRequired: false, memberSignupKinds: ["full", "lite_company"] });
  });

  test("claiming a signup: the member is A's whatever B tries with the same key or email", async () => {
    const key = crypto.randomUUID();
    const input = { idempotencyKey: key, member: newMember(), signup: { signupKind: "full", body: {} } };
    const claim = await claimSignupMember(db, a, input);
    expect(claim).toMatchObject({ outcome: "claimed", created: true });
    const member = (claim as { member: { id: string; partnerId: string } }).member;
    expect(member.partnerId).toBe(a.partnerId);
    expect(await claimSignupMember(db, a, input)).toMatchObject({ outcome: "claimed", created: false });
    // B's key space and emails are its own: the same key and email make B's own member.
    const inB = await claimSignupMember(db, b, input);
    expect(inB).toMatchObject({ outcome: "claimed", created: true });
    expect((inB as { member: { id: string; partnerId: string } }).member).toMatchObject({ partnerId: b.partnerId });
    expect((inB as { member: { id: string } }).member.id).not.toBe(member.id);
  });

  test("reading A's member: by id and by email for A only", async () => {
    const member = await memberOfA();
    expect((await getMemberOrThrow(db, a, member.id)).id).toBe(member.id);
    expect((await findMemberByEmail(db, a, member.email.toUpperCase()))?.id).toBe(member.id);
    for (const scope of scopesOfB()) {
      await expect(getMemberOrThrow(db, scope, member.id)).rejects.toThrow(/not found/);
      expect(await findMemberByEmail(db, scope, member.email)).toBeUndefined();
    }
  });

  test("linking, syncing and deleting A's member: B's scopes change nothing", async () => {
    const member = await memberOfA();
    const wallexUserId = crypto.randomUUID();
    await db.insert(wallexUsers).values({
      partnerId: a.partnerId,
      wallexId: wallexUserId,
      accountId: "acc-a",
      status: "draft",
      data: {},
      readAt: new Date(),
    });
    for (const scope of scopesOfB()) {
      expect(await linkMemberToWallexUser(db, scope, member.id, wallexUserId)).toBeUndefined();
      expect(
        await findMemberForWallexUser(db, scope, { wallexUserId, email: member.email, accountId: "x" }),
      ).toBeUndefined();
      expect(
        await applyWallexStatusToMember(db, scope, member.id, {
          wallexStatus: "approved",
          wallexReason: "x",
          at: new Date(),
        }),
      ).toBeUndefined();
      expect(await deleteUnsignedMember(db, scope, member.id)).toBe(false);
    }
    expect(await memberRow(member.id)).toMatchObject({ wallexUserId: null, wallexStatus: null });

    const linked = await linkMemberToWallexUser(db, a, member.id, wallexUserId);
    expect(linked).toMatchObject({ linkedNow: true, member: { wallexAccountId: "acc-a", wallexStatus: "draft" } });
    expect((await findMemberForWallexUser(db, a, { wallexUserId, email: null, accountId: null }))?.id).toBe(member.id);
    const moved = await applyWallexStatusToMember(db, a, member.id, {
      wallexStatus: "document_needs_resubmission",
      wallexReason: "blurred",
      stage: "changes_requested",
      at: new Date(),
    });
    expect(moved).toMatchObject({ wallexStatus: "document_needs_resubmission", stage: "changes_requested" });
    // Signed up: no longer deletable, even by A.
    expect(await deleteUnsignedMember(db, a, member.id)).toBe(false);
    const unsigned = await memberOfA();
    expect(await deleteUnsignedMember(db, a, unsigned.id)).toBe(true);
    expect(await memberRow(unsigned.id)).toBeUndefined();
  });

  test("an unsigned member is linked by email within its own partner only", async () => {
    const member = await memberOfA();
    const wallexUserId = crypto.randomUUID();
    for (const scope of scopesOfB()) {
      expect(
        await findMemberForWallexUser(db, scope, { wallexUserId, email: member.email, accountId: "acc" }),
      ).toBeUndefined();
    }
    expect(await findMemberForWallexUser(db, a, { wallexUserId, email: member.email, accountId: "acc" })).toMatchObject(
      {
        id: member.id,
        wallexUserId,
        wallexAccountId: "acc",
      },
    );
  });

  test("comments: inserted for the scope's partner; listed for A only", async () => {
    const member = await memberOfA();
    const comment = await insertMemberComment(db, a, {
      memberId: member.id,
      source: "wallex",
      field: null,
      body: "Resubmit",
      memberVisible: true,
    });
    expect(comment.partnerId).toBe(a.partnerId);
    expect((await listMemberComments(db, a, member.id)).map((c) => c.id)).toEqual([comment.id]);
    for (const scope of scopesOfB()) {
      expect(await listMemberComments(db, scope, member.id)).toEqual([]);
      // A's member named under B's partner: the composite key refuses it.
      await expect(
        insertMemberComment(db, scope, {
          memberId: member.id,
          source: "wallex",
          field: null,
          body: "x",
          memberVisible: true,
        }),
      ).rejects.toThrow();
    }
    expect(await db.select().from(memberComments).where(eq(memberComments.memberId, member.id))).toHaveLength(1);
  });

  test("a notification's reason is read from the scope's partner's inbox only", async () => {
    const wallexUserId = crypto.randomUUID();
    await db.insert(webhookEvents).values({
      partnerId: a.partnerId,
      resource: "user",
      resourceId: wallexUserId,
      status: "document_needs_resubmission",
      payload: { reason: "Proof of address is older than 3 months" },
      outcome: "processed",
    });
    expect(await findNotifiedUserReason(db, a, wallexUserId, "document_needs_resubmission")).toBe(
      "Proof of address is older than 3 months",
    );
    for (const scope of scopesOfB())
      expect(await findNotifiedUserReason(db, scope, wallexUserId, "document_needs_resubmission")).toBeNull();
  });

  test("invitations: A's is listed, renewed and revoked by A; B's scopes see and change nothing", async () => {
    const member = await memberOfA();
    const invitation = await insertMemberInvitation(db, a, {
      memberId: member.id,
      tokenHash: `hash-${crypto.randomUUID()}`,
      expiresAt: new Date(Date.now() + 60_000),
      invitedByMembershipId: null,
    });
    expect(invitation.partnerId).toBe(a.partnerId);
    expect((await listMemberInvitations(db, a, member.id)).map((i) => i.id)).toEqual([invitation.id]);
    expect((await getOpenMemberInvitation(db, a, member.id))?.id).toBe(invitation.id);
    for (const scope of scopesOfB()) {
      expect(await listMemberInvitations(db, scope, member.id)).toEqual([]);
      expect(await getOpenMemberInvitation(db, scope, member.id)).toBeUndefined();
      expect(
        await renewMemberInvitationToken(db, scope, invitation.id, { tokenHash: "forged", expiresAt: new Date() }),
      ).toBeUndefined();
      expect(await revokeMemberInvitationRow(db, scope, invitation.id)).toBe(false);
      await expect(
        insertMemberInvitation(db, scope, {
          memberId: member.id,
          tokenHash: `b-${crypto.randomUUID()}`,
          expiresAt: new Date(),
          invitedByMembershipId: null,
        }),
      ).rejects.toThrow();
    }
    expect(await invitationRow(invitation.id)).toMatchObject({ tokenHash: invitation.tokenHash, revokedAt: null });
    const renewed = await renewMemberInvitationToken(db, a, invitation.id, {
      tokenHash: "renewed",
      expiresAt: new Date(Date.now() + 120_000),
    });
    expect(renewed?.tokenHash).toBe("renewed");
    expect(await revokeMemberInvitationRow(db, a, invitation.id)).toBe(true);
    expect((await invitationRow(invitation.id)).revokedAt).not.toBeNull();
  });
});
