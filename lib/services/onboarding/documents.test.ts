import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import {
  auditEvents,
  mailOutbox,
  memberDrafts,
  memberComments,
  members,
  wallexDocuments,
  webhookEvents,
  type Member,
} from "@/db/schema";
import { auditedFor } from "@/lib/audit/audited";
import { memberScopeOf } from "@/lib/auth/member-sign-in";
import type { StaffScope } from "@/lib/auth/scope";
import type { MemberScope } from "@/lib/auth/tenant-scope";
import { updateMemberOnboardingSettings } from "@/lib/data/member-writes";
import { createMember } from "@/lib/services/members/create-member";
import { notifyMemberStatusChange } from "@/lib/services/members/notify-status";
import { newMemberSchema } from "@/lib/services/members/schemas";
import { connectedPartner, startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";
import { processWebhookEvent } from "@/lib/wallex/inbox/process-event";
import {
  deleteMemberDocument,
  DocumentRefusal,
  getDocumentsOverview,
  readMemberDocumentFile,
  uploadMemberDocument,
} from "./documents";

const db = getDb();
let sandbox: TestSandbox;
let setup: Awaited<ReturnType<typeof connectedPartner>>;
let staff: StaffScope;

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

beforeAll(async () => {
  sandbox = await startTestSandbox();
  setup = await connectedPartner(sandbox);
  staff = setup.scope as StaffScope;
  await updateMemberOnboardingSettings(db, staff, { memberReviewRequired: false, memberSignupKinds: ["full"] });
});
afterAll(() => sandbox.stop());

/** A member signed up at the sandbox the way staff do it, and their portal scope. */
async function newMember(overrides: Record<string, string> = {}): Promise<{ member: Member; scope: MemberScope }> {
  const input = newMemberSchema.parse({
    idempotencyKey: crypto.randomUUID(),
    signup: "full_company",
    email: `d-${crypto.randomUUID().slice(0, 8)}@example.com`,
    firstName: "Siti",
    lastName: "Rahma",
    companyName: "Rahma Trading",
    countryCode: "ID",
    locale: "id",
    ...overrides,
  });
  const { member } = await createMember(db, staff, input, {
    client: async () => setup.client,
    audited: auditedFor(db, staff, "member.created"),
  });
  const partner = { id: staff.partnerId, slug: staff.partnerSlug, name: staff.partnerName };
  return { member, scope: memberScopeOf(member, partner, crypto.randomUUID()) };
}

const deps = (scope: MemberScope) => ({
  client: async () => setup.client,
  audited: auditedFor(db, scope, "member.document_uploaded"),
});
const upload = (
  scope: MemberScope,
  input: { documentType: string; fileName: string; bytes: Uint8Array; replaces?: string },
) => uploadMemberDocument(db, scope, scope.memberId, input, deps(scope));
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as DocumentRefusal,
  );
const wallexDocs = async (userId: string) => (await setup.client.users.listDocuments({ userId })).data;
const storedBytes = async (userId: string, documentId: string) => {
  const doc = (await setup.client.users.retrieveDocument({ userId, documentId })) as Record<string, unknown>;
  return new Uint8Array(await (await fetch(String(doc.downloadURL))).arrayBuffer());
};

describe("uploading a member's documents to Wallex", () => {
  test("Document Create with our type and the file name, the bytes PUT to the upload URL, the mirror and the audit", async () => {
    const { member, scope } = await newMember();
    const view = await upload(scope, { documentType: "ktp", fileName: "KTP scan.pdf", bytes: PDF });
    expect(view).toMatchObject({ documentType: "ktp", state: "uploaded" });

    const [atWallex] = await wallexDocs(member.wallexUserId!);
    expect(atWallex).toMatchObject({ id: view.id, documentType: "ktp", status: "uploaded" });
    expect(await storedBytes(member.wallexUserId!, view.id)).toEqual(PDF);

    const [mirrored] = await db.select().from(wallexDocuments).where(eq(wallexDocuments.wallexId, view.id));
    expect(mirrored).toMatchObject({ partnerId: scope.partnerId, parentId: member.wallexUserId, status: "uploaded" });
    expect(mirrored.data.uploadURL).toBeUndefined();
    expect(mirrored.data.downloadURL).toBeUndefined();

    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.memberId, member.id), eq(auditEvents.action, "member.document_uploaded")));
    expect(audit).toMatchObject({ actorEmail: `member (${member.email})`, targetId: view.id });

    const overview = await getDocumentsOverview(db, scope, scope.memberId);
    expect(overview.slots.map((s) => [s.id, s.state])).toEqual([
      ["identity", "uploaded"],
      ["proof_of_address", "missing"],
      ["company_proof", "missing"],
      ["company_address_proof", "missing"],
    ]);
    expect(overview.slots[0].types).toEqual(["ktp", "family_card", "passport"]);
    // The wizard's checklist reads the step from the member's missing fields and a "documents" draft.
    const [row] = await db.select().from(members).where(eq(members.id, member.id));
    expect(row.missingFields.filter((f) => f.startsWith("documents.")).sort()).toEqual([
      "documents.company_address_proof",
      "documents.company_proof",
      "documents.proof_of_address",
    ]);
    const [draft] = await db
      .select()
      .from(memberDrafts)
      .where(and(eq(memberDrafts.memberId, member.id), eq(memberDrafts.step, "documents")));
    expect(draft.data).toEqual({
      slots: {
        identity: "uploaded",
        proof_of_address: "missing",
        company_proof: "missing",
        company_address_proof: "missing",
      },
    });
  });

  test("bad files and types are refused at the field before anything reaches Wallex", async () => {
    const { member, scope } = await newMember({ signup: "full_individual", countryCode: "SG" });
    const cases = [
      [{ documentType: "nric", fileName: "nric.pdf", bytes: PNG }, "fileProblem.mismatch", "file"],
      [{ documentType: "nric", fileName: "nric.pdf", bytes: new Uint8Array(0) }, "fileProblem.empty", "file"],
      [{ documentType: "nric", fileName: "nric.gif", bytes: PDF }, "fileProblem.type", "file"],
      [{ documentType: "ktp", fileName: "ktp.pdf", bytes: PDF }, "error.type", "documentType"],
      [{ documentType: "company_proof", fileName: "c.pdf", bytes: PDF }, "error.type", "documentType"],
    ] as const;
    for (const [input, key, field] of cases) {
      const e = await refusal(upload(scope, input));
      expect(e).toBeInstanceOf(DocumentRefusal);
      expect([e.messageKey, e.field, e.status]).toEqual([key, field, 400]);
    }
    expect(await wallexDocs(member.wallexUserId!)).toEqual([]);
  });

  test("replacing uploads the new one, deletes the old at Wallex, and resolves what was asked of the old one", async () => {
    const { member, scope } = await newMember();
    const first = await upload(scope, { documentType: "utility_bill", fileName: "bill.pdf", bytes: PDF });
    await db.insert(memberComments).values({
      partnerId: scope.partnerId,
      memberId: member.id,
      source: "reviewer",
      documentId: first.id,
      body: "The bill is older than three months.",
      memberVisible: true,
    });
    const before = await getDocumentsOverview(db, scope, scope.memberId);
    expect(before.slots[1]).toMatchObject({
      state: "needs_resubmission",
      document: { id: first.id, comments: ["The bill is older than three months."] },
    });

    const second = await upload(scope, {
      documentType: "bank_statement",
      fileName: "statement.png",
      bytes: PNG,
      replaces: first.id,
    });
    const atWallex = await wallexDocs(member.wallexUserId!);
    expect(atWallex.map((d) => d.id)).toEqual([second.id]);
    expect(await storedBytes(member.wallexUserId!, second.id)).toEqual(PNG);
    const [oldRow] = await db.select().from(wallexDocuments).where(eq(wallexDocuments.wallexId, first.id));
    expect(oldRow.status).toBe("deleted");
    const after = await getDocumentsOverview(db, scope, scope.memberId);
    expect(after.slots[1]).toMatchObject({ state: "uploaded", document: { id: second.id, comments: [] } });
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.memberId, member.id))).map(
      (a) => a.action,
    );
    expect(actions).toContain("member.document_replaced");

    await deleteMemberDocument(db, scope, scope.memberId, second.id, deps(scope));
    expect(await wallexDocs(member.wallexUserId!)).toEqual([]);
    expect((await getDocumentsOverview(db, scope, scope.memberId)).slots[1].state).toBe("missing");
  });

  test("another member's document is not found: not replaced, deleted or shown", async () => {
    const a = await newMember();
    const b = await newMember();
    const theirs = await upload(a.scope, { documentType: "passport", fileName: "passport.pdf", bytes: PDF });
    const attempts = [
      () => upload(b.scope, { documentType: "passport", fileName: "p.pdf", bytes: PDF, replaces: theirs.id }),
      () => deleteMemberDocument(db, b.scope, b.scope.memberId, theirs.id, deps(b.scope)),
      () => readMemberDocumentFile(db, b.scope, b.scope.memberId, theirs.id, { client: async () => setup.client }),
      // Naming the other member's id under one's own scope reaches nothing either.
      () => readMemberDocumentFile(db, b.scope, a.scope.memberId, theirs.id, { client: async () => setup.client }),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).status).toBe(404);
    expect((await wallexDocs(a.member.wallexUserId!)).map((d) => d.id)).toEqual([theirs.id]);
    expect(await wallexDocs(b.member.wallexUserId!)).toEqual([]);

    const own = await readMemberDocumentFile(db, a.scope, a.scope.memberId, theirs.id, {
      client: async () => setup.client,
    });
    expect(own).toMatchObject({ mime: "application/pdf", name: "passport.pdf" });
    expect(own!.bytes).toEqual(PDF);
    // Staff of the partner may preview it too.
    const asStaff = await readMemberDocumentFile(db, staff, a.member.id, theirs.id, {
      client: async () => setup.client,
    });
    expect(asStaff!.bytes).toEqual(PDF);
  });

  test("while the application is under review nothing changes", async () => {
    const { member, scope } = await newMember();
    const doc = await upload(scope, { documentType: "ktp", fileName: "ktp.png", bytes: PNG });
    await db.update(members).set({ stage: "in_partner_review" }).where(eq(members.id, member.id));
    expect((await refusal(upload(scope, { documentType: "ktp", fileName: "k.pdf", bytes: PDF }))).messageKey).toBe(
      "error.frozen",
    );
    expect((await refusal(deleteMemberDocument(db, scope, scope.memberId, doc.id, deps(scope)))).status).toBe(409);
    expect((await getDocumentsOverview(db, scope, scope.memberId)).frozen).toBe(true);
  });
});

describe("status-change emails", () => {
  const mailsTo = (email: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.partnerId, staff.partnerId), eq(mailOutbox.to, email)))
      .orderBy(mailOutbox.createdAt);
  async function processAll() {
    await sandbox.sandbox.control.settle();
    const waiting = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.partnerId, staff.partnerId), eq(webhookEvents.outcome, "received")));
    for (const event of waiting) await processWebhookEvent(db, staff, event.id);
    return waiting;
  }

  test("each Wallex status change is mailed once, in the member's language, with the reason and the portal link", async () => {
    const { member, scope } = await newMember({ locale: "id" });
    await processAll();
    const invitationOnly = (await mailsTo(member.email)).length;
    await sandbox.sandbox.control.decideUser(member.wallexUserId!, "pending_approval");
    await processAll();
    // Screening is told by our own "submitted" mail, not again here.
    expect(await mailsTo(member.email)).toHaveLength(invitationOnly);

    await sandbox.sandbox.control.decideUser(member.wallexUserId!, "document_needs_resubmission", "Foto paspor buram");
    const delivered = await processAll();
    // The same notification processed again, and the user re-read: no second mail.
    for (const event of delivered) await processWebhookEvent(db, staff, event.id);
    await processAll();
    const afterResubmission = (await mailsTo(member.email)).slice(invitationOnly);
    expect(afterResubmission).toHaveLength(1);
    expect(afterResubmission[0].subject).toBe(`${staff.partnerName}: Wallex meminta Anda mengirim ulang beberapa data`);
    expect(afterResubmission[0].text).toContain("Yang perlu diperbaiki: Foto paspor buram");
    expect(afterResubmission[0].text).toContain(`/m/${staff.partnerSlug}`);
    // Wallex's reason names no document: the documents step shows it above them.
    expect((await getDocumentsOverview(db, scope, scope.memberId)).requests).toEqual(["Foto paspor buram"]);

    await sandbox.sandbox.control.decideUser(member.wallexUserId!, "pending_approval");
    await processAll();
    await sandbox.sandbox.control.decideUser(member.wallexUserId!, "approved");
    await processAll();
    const all = (await mailsTo(member.email)).slice(invitationOnly);
    expect(all.map((m) => m.subject)).toEqual([
      `${staff.partnerName}: Wallex meminta Anda mengirim ulang beberapa data`,
      `${staff.partnerName}: akun Wallex Anda telah disetujui`,
    ]);
  });

  test("our stages: in English for an English member, once per change, never for a non-change", async () => {
    const { member } = await newMember({ locale: "en" });
    const before = (await mailsTo(member.email)).length;
    const send = (stage: "in_partner_review" | "submitted", from: string) =>
      db.transaction((tx) => notifyMemberStatusChange(tx, staff, member, { kind: "stage", stage, from }));
    expect(await send("in_partner_review", "in_progress")).not.toBeNull();
    expect(await send("in_partner_review", "in_partner_review")).toBeNull();
    await expect(
      db.transaction(async (tx) => {
        await notifyMemberStatusChange(tx, staff, member, {
          kind: "stage",
          stage: "submitted",
          from: "in_partner_review",
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const mails = (await mailsTo(member.email)).slice(before);
    expect(mails.map((m) => m.subject)).toEqual([`${staff.partnerName}: your details are being reviewed`]);
    expect(mails[0].text).toContain("nothing to do for now");
  });
});
