import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { memberComments, members, wallexDocuments, type Member } from "@/db/schema";
import { memberScopeOf } from "@/lib/auth/member-sign-in";
import { mintJobScope, mintWebhookScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { createMember } from "@/lib/testing/members";
import {
  getMemberDocumentRow,
  getScopePartner,
  listMemberDocumentRows,
  listOpenDocumentComments,
  resolveDocumentComments,
} from "./member-documents";

const db = getDb();

/**
 * lib/data/member-documents.ts: A's member reads their own documents and comments; another member
 * of A, and every scope of partner B, reach none of them (each check first works for the owner).
 */
describe("tenant isolation: members' documents", () => {
  let a: TenantScope;
  let b: TenantScope;
  let partnerA: { id: string; slug: string; name: string };
  let owner: Member;
  let ownerScope: TenantScope;
  let neighbourScope: TenantScope;
  const documentId = crypto.randomUUID();
  const others = () => [neighbourScope, b, mintJobScope(b.partnerId, "isolation-test"), mintWebhookScope(b.partnerId)];

  beforeAll(async () => {
    partnerA = await createPartner("Documents A");
    a = (await createStaff(partnerA, "admin")).scope;
    b = (await createStaff(await createPartner("Documents B"), "admin")).scope;
    owner = await createMember(partnerA);
    const neighbour = await createMember(partnerA);
    const wallexUserId = crypto.randomUUID();
    await db.update(members).set({ wallexUserId }).where(eq(members.id, owner.id));
    await db.update(members).set({ wallexUserId: crypto.randomUUID() }).where(eq(members.id, neighbour.id));
    await db.insert(wallexDocuments).values({
      partnerId: partnerA.id,
      wallexId: documentId,
      parentId: wallexUserId,
      status: "uploaded",
      reference: "passport",
      data: { id: documentId, documentName: "passport.pdf" },
      readAt: new Date(),
    });
    await db.insert(memberComments).values({
      partnerId: partnerA.id,
      memberId: owner.id,
      source: "reviewer",
      documentId,
      body: "Blurred",
      memberVisible: true,
    });
    ownerScope = memberScopeOf(owner, partnerA, crypto.randomUUID());
    neighbourScope = memberScopeOf(neighbour, partnerA, crypto.randomUUID());
  });

  test("listMemberDocumentRows and getMemberDocumentRow: the owner and A's staff; nobody else", async () => {
    for (const scope of [ownerScope, a]) {
      expect((await listMemberDocumentRows(db, scope, owner.id)).map((r) => r.wallexId)).toEqual([documentId]);
      expect((await getMemberDocumentRow(db, scope, owner.id, documentId))?.wallexId).toBe(documentId);
    }
    for (const scope of others()) {
      expect(await listMemberDocumentRows(db, scope, owner.id)).toEqual([]);
      expect(await getMemberDocumentRow(db, scope, owner.id, documentId)).toBeUndefined();
    }
  });

  test("listOpenDocumentComments and resolveDocumentComments: B's scopes and the neighbour change nothing", async () => {
    expect((await listOpenDocumentComments(db, ownerScope, owner.id)).map((c) => c.body)).toEqual(["Blurred"]);
    for (const scope of others()) {
      expect(await listOpenDocumentComments(db, scope, owner.id)).toEqual([]);
      expect(await resolveDocumentComments(db, scope, owner.id, documentId)).toEqual([]);
    }
    expect(await listOpenDocumentComments(db, a, owner.id)).toHaveLength(1);
    expect(await resolveDocumentComments(db, ownerScope, owner.id, documentId)).toHaveLength(1);
    expect(await listOpenDocumentComments(db, ownerScope, owner.id)).toEqual([]);
  });

  test("getScopePartner: always the scope's own partner", async () => {
    expect((await getScopePartner(db, ownerScope))?.slug).toBe(partnerA.slug);
    for (const scope of others().slice(1)) expect((await getScopePartner(db, scope))?.id).toBe(b.partnerId);
  });
});
