import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditEvents, memberComments, memberDrafts, members, partners, type Member } from "@/db/schema";
import { auditedFor } from "@/lib/audit/audited";
import { memberScopeOf } from "@/lib/auth/member-sign-in";
import { mintJobScope, type MemberScope } from "@/lib/auth/tenant-scope";
import { createMemberSession } from "@/lib/data/member-sessions";
import { AppError } from "@/lib/errors";
import { createMember } from "@/lib/testing/members";
import { connectedPartner, startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";
import type { OnboardingLists } from "@/lib/validations/onboarding";
import { listsOf, onboardingChoices } from "./context";
import { saveOnboardingStep, type SaveStepInput } from "./save-step";
import { submitOnboarding } from "./submit";
import { loadWizard } from "./wizard";

const db = getDb();
let sandbox: TestSandbox;
let setup: Awaited<ReturnType<typeof connectedPartner>>;
let lists: OnboardingLists;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  setup = await connectedPartner(sandbox);
  lists = listsOf(await onboardingChoices(db, setup.scope));
});
afterAll(() => sandbox.stop());

/** A member signed up at the sandbox, with a member session of their own. */
async function signedUpMember(accountType: "individual" | "company" = "individual") {
  const partner = (await db.select().from(partners).where(eq(partners.id, setup.scope.partnerId)))[0];
  const row = await createMember(partner, { withPassword: true });
  const user = await setup.client.users.signup({
    body: {
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      countryCode: "ID",
      accountType,
      ...(accountType === "company" ? { companyName: "Rahma Trading" } : {}),
    },
  });
  const [member] = await db
    .update(members)
    .set({ wallexUserId: user.id, wallexAccountId: String(user.accountId), accountType, wallexStatus: user.status })
    .where(eq(members.id, row.id))
    .returning();
  const sid = await createMemberSession(db, mintJobScope(partner.id, "t"), member.id, {
    ip: null,
    userAgent: "vitest",
  });
  return { member, scope: memberScopeOf(member, partner, sid), userId: user.id };
}

const deps = (scope: MemberScope, action = "onboarding.save") => ({
  client: async () => setup.client,
  audited: auditedFor(db, scope, action),
  lists,
});
const save = (scope: MemberScope, input: Omit<SaveStepInput, "memberId">) =>
  saveOnboardingStep(db, scope, { memberId: scope.memberId, ...input }, deps(scope));
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
const memberRow = async (id: string) => (await db.select().from(members).where(eq(members.id, id)))[0];
const screenCalls = (userId: string) =>
  sandbox.sandbox.control
    .requests()
    .filter((r: { method: string; path: string }) => r.method === "POST" && r.path.endsWith(`/users/${userId}/screen`))
    .length;

const PERSONAL = {
  birthDate: "1990-02-28",
  nationality: "ID",
  residenceCountry: "ID",
  address: "Jl. Sudirman 1",
  city: "Jakarta",
  postalCode: "10110",
  idType: "passport",
  idNumber: "A1234567",
  idIssueDate: "2020-01-15",
  idExpiryDate: "2030-01-14",
  phoneCountryCode: "+62",
  phoneNumber: "812 3456 7890",
};
const DUE_DILIGENCE = { entityType: "individual", productsUsage: ["payments"] };

async function uploadIdentity(userId: string) {
  const doc = await setup.client.users.createDocument({
    userId,
    body: { documentType: "passport", documentName: "p.pdf" },
  });
  await setup.client.uploadFile(String(doc.uploadURL), new TextEncoder().encode("%PDF-1.4 test"), "application/pdf");
}

describe("saving a wizard step", () => {
  test("the partial update reaches the sandbox with dd-MM-yyyy dates; missingFields are stored; audited", async () => {
    const { scope, userId, member } = await signedUpMember();
    const first = await save(scope, {
      step: "personal",
      revision: 0,
      values: { birthDate: "1990-02-28", nationality: "ID" },
    });
    expect(first).toMatchObject({ revision: 1, savedToWallex: true });
    expect(first.missing.sort()).toEqual(["personal.address", "personal.idNumber", "personal.idType"]);

    const detail = (await setup.client.users.retrieveDetail({ userId })) as Record<string, unknown>;
    expect(detail.dateOfBirth).toBe("28-02-1990");
    expect(detail.nationality).toBe("ID");
    const row = await memberRow(member.id);
    expect(row.stage).toBe("in_progress");
    expect(row.missingFields.sort()).toEqual(["personal.address", "personal.idNumber", "personal.idType"]);

    const second = await save(scope, { step: "personal", revision: 1, values: PERSONAL });
    expect(second).toEqual({ revision: 2, savedToWallex: true, missing: [] });
    const after = (await setup.client.users.retrieveDetail({ userId })) as Record<string, unknown>;
    expect(after).toMatchObject({
      issueDate: "15-01-2020",
      expiryDate: "14-01-2030",
      mobileCountryCode: "62",
      mobileNumber: "81234567890",
    });
    expect((await memberRow(member.id)).missingFields).toEqual([]);
    const [draft] = await db.select().from(memberDrafts).where(eq(memberDrafts.memberId, member.id));
    expect(draft.savedToWallexAt).not.toBeNull();
    expect(draft.data).toMatchObject({ birthDate: "1990-02-28", phoneCountryCode: "62" });

    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, scope.partnerId), eq(auditEvents.memberId, member.id)))
      .orderBy(auditEvents.seq);
    expect(audits.map((a) => a.action)).toEqual([
      "onboarding.step_saved",
      "onboarding.step_sent_to_wallex",
      "onboarding.step_saved",
      "onboarding.step_sent_to_wallex",
    ]);
    expect(audits[0].actorEmail).toBe(`member (${member.email})`);
  });

  test("staff acting as the member: the save reaches Wallex and the audit row names both", async () => {
    const { member, userId } = await signedUpMember();
    const staff = setup.scope;
    await saveOnboardingStep(
      db,
      staff,
      { memberId: member.id, step: "personal", revision: 0, values: { city: "Medan" } },
      { client: async () => setup.client, audited: auditedFor(db, staff, "onboarding.save"), lists },
    );
    expect(((await setup.client.users.retrieveDetail({ userId })) as Record<string, unknown>).city).toBe("Medan");
    const [row] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.memberId, member.id), eq(auditEvents.action, "onboarding.step_saved")));
    expect(row.actorEmail).toBe(staff.user.email);
    expect(row.after).toMatchObject({ actingAsMember: member.email, staff: staff.user.email });
  });

  test("a stale revision (another tab saved first) is refused and changes nothing", async () => {
    const { scope, member } = await signedUpMember();
    await save(scope, { step: "personal", revision: 0, values: { city: "Jakarta" } });
    await save(scope, { step: "personal", revision: 1, values: { city: "Bandung" } });
    const stale = await rejection(save(scope, { step: "personal", revision: 1, values: { city: "Surabaya" } }));
    expect(stale).toBeInstanceOf(AppError);
    expect(stale?.userMessage).toBe("onboarding.errors.stale");
    const [draft] = await db.select().from(memberDrafts).where(eq(memberDrafts.memberId, member.id));
    expect(draft).toMatchObject({ revision: 2, data: { city: "Bandung" } });
  });

  test("bad input is refused on our side at the field, before anything is kept", async () => {
    const { scope, member } = await signedUpMember();
    const bad = await rejection(
      save(scope, { step: "personal", revision: 0, values: { birthDate: "2015-02-30", postalCode: "1" } }),
    );
    expect(bad?.fieldErrors).toEqual({ birthDate: ["realDate"], postalCode: ["postal"] });
    expect(await db.select().from(memberDrafts).where(eq(memberDrafts.memberId, member.id))).toEqual([]);
  });

  test("Wallex's field error comes back on our field name; the draft keeps what was typed", async () => {
    const { scope, member } = await signedUpMember();
    // Two characters pass our check; the sandbox wants at least three.
    const refused = await rejection(
      save(scope, { step: "personal", revision: 0, values: { idNumber: "A1", city: "Jakarta" } }),
    );
    expect(refused?.userMessage).toBe("onboarding.errors.wallexRefused");
    expect(Object.keys(refused?.fieldErrors ?? {})).toEqual(["idNumber"]);
    expect(refused?.fieldErrors?.idNumber?.[0]).toMatch(/^wallex:/);
    const [draft] = await db.select().from(memberDrafts).where(eq(memberDrafts.memberId, member.id));
    expect(draft).toMatchObject({ data: { idNumber: "A1", city: "Jakarta" }, savedToWallexAt: null });
  });

  test("the company step is not a step of an individual account", async () => {
    const { scope } = await signedUpMember();
    const refused = await rejection(save(scope, { step: "company", revision: 0, values: { companyName: "X" } }));
    expect(refused?.code).toBe("NOT_FOUND");
  });
});

describe("submitting", () => {
  test("with partner review on: in_partner_review, then every step is frozen", async () => {
    await db.update(partners).set({ memberReviewRequired: true }).where(eq(partners.id, setup.scope.partnerId));
    const { scope, member, userId } = await signedUpMember();
    await save(scope, { step: "personal", revision: 0, values: PERSONAL });
    await save(scope, { step: "due_diligence", revision: 0, values: DUE_DILIGENCE });
    const submit = () => submitOnboarding(db, scope, member.id, deps(scope, "onboarding.submit"));
    expect(await submit()).toEqual({ outcome: "in_partner_review" });
    expect(await submit()).toEqual({ outcome: "already", stage: "in_partner_review" });
    expect((await memberRow(member.id)).stage).toBe("in_partner_review");
    expect(screenCalls(userId)).toBe(0);
    const frozen = await rejection(
      save(scope, { step: "personal", revision: 1, values: { ...PERSONAL, city: "Bogor" } }),
    );
    expect(frozen?.userMessage).toBe("onboarding.errors.frozen");
  });

  test("without partner review: missing documents keep the stage; then a double submit screens once", async () => {
    await db.update(partners).set({ memberReviewRequired: false }).where(eq(partners.id, setup.scope.partnerId));
    const { scope, member, userId } = await signedUpMember();
    const submit = () => submitOnboarding(db, scope, member.id, deps(scope, "onboarding.submit"));
    // Nothing filled in yet: our own check stops it before Wallex.
    expect((await submit()).outcome).toBe("missing");
    expect(screenCalls(userId)).toBe(0);

    await save(scope, { step: "personal", revision: 0, values: PERSONAL });
    await save(scope, { step: "due_diligence", revision: 0, values: DUE_DILIGENCE });
    // No identity document uploaded: Wallex refuses, and says so.
    expect(await submit()).toEqual({ outcome: "missing", missing: ["documents.identity"] });
    let row = await memberRow(member.id);
    expect(row.stage).toBe("in_progress");
    expect(row.missingFields).toEqual(["documents.identity"]);

    await uploadIdentity(userId);
    const before = screenCalls(userId);
    const [a, b] = await Promise.all([submit(), submit()]);
    expect([a.outcome, b.outcome].sort()).toEqual(["already", "submitted"]);
    expect(screenCalls(userId) - before).toBe(1);
    row = await memberRow(member.id);
    expect(row).toMatchObject({ stage: "submitted", wallexStatus: "pending_approval", missingFields: [] });
    expect((await setup.client.users.retrieve({ userId })).status).toBe("pending_approval");
  });
});

describe("resubmission", () => {
  test("Wallex asks for changes: the member sees the visible comments (never internal notes), fixes, resubmits", async () => {
    await db.update(partners).set({ memberReviewRequired: false }).where(eq(partners.id, setup.scope.partnerId));
    const { scope, member, userId } = await signedUpMember();
    await save(scope, { step: "personal", revision: 0, values: PERSONAL });
    await save(scope, { step: "due_diligence", revision: 0, values: DUE_DILIGENCE });
    await uploadIdentity(userId);
    expect((await submitOnboarding(db, scope, member.id, deps(scope))).outcome).toBe("submitted");

    await sandbox.sandbox.control.decideUser(userId, "document_needs_resubmission", "Passport photo is blurred");
    await db
      .update(members)
      .set({ stage: "changes_requested", wallexStatus: "document_needs_resubmission" })
      .where(eq(members.id, member.id));
    await db.insert(memberComments).values([
      {
        partnerId: scope.partnerId,
        memberId: member.id,
        source: "wallex",
        body: "Passport photo is blurred",
        memberVisible: true,
      },
      {
        partnerId: scope.partnerId,
        memberId: member.id,
        source: "reviewer",
        field: "personal.idNumber",
        body: "Check the number",
        memberVisible: true,
      },
      {
        partnerId: scope.partnerId,
        memberId: member.id,
        source: "reviewer",
        field: "personal.idNumber",
        body: "Internal: suspicious",
        memberVisible: false,
      },
    ]);

    const wizard = await loadWizard(db, scope, member.id);
    expect(wizard.comments.map((c) => c.body).sort()).toEqual(["Check the number", "Passport photo is blurred"]);
    expect(JSON.stringify(wizard)).not.toContain("suspicious");
    expect(wizard.statuses.find((s) => s.step === "personal")).toMatchObject({ state: "needs", comments: 1 });
    expect(wizard.resumeAt).toBe("personal");

    await save(scope, { step: "personal", revision: 1, values: { ...PERSONAL, idNumber: "A7654321" } });
    const again = await submitOnboarding(db, scope, member.id, deps(scope));
    expect(again).toEqual({ outcome: "submitted" });
    const open = await db.select().from(memberComments).where(eq(memberComments.memberId, member.id));
    expect(open.filter((c) => c.memberVisible).every((c) => c.resolvedAt !== null)).toBe(true);
    expect(open.find((c) => !c.memberVisible)?.resolvedAt).toBeNull();
    expect((await memberRow(member.id)).stage).toBe("submitted");
  });
});

export type { Member };
