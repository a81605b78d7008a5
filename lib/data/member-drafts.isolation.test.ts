import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { memberComments, memberDrafts, members } from "@/db/schema";
import { memberScopeOf } from "@/lib/auth/member-sign-in";
import { mintJobScope, type MemberScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { createPartner } from "@/lib/testing/factories";
import { createMember } from "@/lib/testing/members";
import { listOpenMemberComments, resolveMemberComments } from "./member-comments";
import {
  getMemberDraft,
  getOnboardingMember,
  listMemberDrafts,
  markDraftSavedToWallex,
  saveMemberDraft,
  updateOnboardingMember,
} from "./member-drafts";
import { createMemberSession } from "./member-sessions";

const db = getDb();
const meta = { ip: null, userAgent: "vitest" };
const draftRow = async (memberId: string) =>
  (await db.select().from(memberDrafts).where(eq(memberDrafts.memberId, memberId)))[0];
const memberRow = async (id: string) => (await db.select().from(members).where(eq(members.id, id)))[0];

/**
 * lib/data/member-drafts.ts and member-comments.ts: A's scopes first see or change member A's rows,
 * then another member of the same partner and another partner's scopes, aimed at the same ids, see
 * and change nothing. Internal notes never reach a member scope.
 */
describe("tenant isolation: onboarding drafts and comments", () => {
  let a: MemberScope;
  let sibling: MemberScope;
  let otherPartner: MemberScope;
  let jobA: TenantScope;
  let jobB: TenantScope;
  const strangers = () => [sibling, otherPartner, jobB];

  beforeAll(async () => {
    const partnerA = await createPartner("Drafts A");
    const partnerB = await createPartner("Drafts B");
    const memberA = await createMember(partnerA);
    const memberA2 = await createMember(partnerA);
    const memberB = await createMember(partnerB);
    const sid = (m: typeof memberA) => createMemberSession(db, mintJobScope(m.partnerId, "t"), m.id, meta);
    a = memberScopeOf(memberA, partnerA, await sid(memberA));
    sibling = memberScopeOf(memberA2, partnerA, await sid(memberA2));
    otherPartner = memberScopeOf(memberB, partnerB, await sid(memberB));
    jobA = mintJobScope(partnerA.id, "isolation-test");
    jobB = mintJobScope(partnerB.id, "isolation-test");
  });

  test("drafts: saved, read and marked by the member (and the partner's staff side), by no one else", async () => {
    const first = await saveMemberDraft(db, a, a.memberId, "personal", { city: "Jakarta" }, 0);
    expect(first.outcome).toBe("saved");
    expect((await getMemberDraft(db, a, a.memberId, "personal"))?.data).toEqual({ city: "Jakarta" });
    expect(await listMemberDrafts(db, jobA, a.memberId)).toHaveLength(1);
    expect(await markDraftSavedToWallex(db, a, a.memberId, "personal", 1)).toBe(true);

    for (const scope of strangers()) {
      expect(await getMemberDraft(db, scope, a.memberId, "personal")).toBeUndefined();
      expect(await listMemberDrafts(db, scope, a.memberId)).toEqual([]);
      expect(await markDraftSavedToWallex(db, scope, a.memberId, "personal", 1)).toBe(false);
    }
    // Another member may not write into A's drafts; another partner's job finds no row to update.
    for (const scope of [sibling, otherPartner]) {
      await expect(saveMemberDraft(db, scope, a.memberId, "personal", { city: "X" }, 1)).rejects.toThrow();
    }
    expect((await saveMemberDraft(db, jobB, a.memberId, "personal", { city: "X" }, 1)).outcome).toBe("stale");
    const row = await draftRow(a.memberId);
    expect(row.data).toEqual({ city: "Jakarta" });
    expect(row.revision).toBe(1);
  });

  test("the member row: read and updated for the member only", async () => {
    expect((await getOnboardingMember(db, a, a.memberId))?.id).toBe(a.memberId);
    expect((await updateOnboardingMember(db, a, a.memberId, { missingFields: ["birthDate"] }))?.id).toBe(a.memberId);
    for (const scope of strangers()) {
      expect(await getOnboardingMember(db, scope, a.memberId)).toBeUndefined();
      expect(
        await updateOnboardingMember(db, scope, a.memberId, { missingFields: [], stage: "submitted" }),
      ).toBeUndefined();
    }
    const row = await memberRow(a.memberId);
    expect(row.missingFields).toEqual(["birthDate"]);
    expect(row.stage).toBe("invited");
  });

  test("comments: the member sees and resolves only its own visible ones; internal notes never", async () => {
    const [visible, internal] = await db
      .insert(memberComments)
      .values([
        {
          partnerId: a.partnerId,
          memberId: a.memberId,
          source: "reviewer",
          field: "personal.birthDate",
          body: "Check the year",
          memberVisible: true,
        },
        {
          partnerId: a.partnerId,
          memberId: a.memberId,
          source: "reviewer",
          body: "Internal: looks odd",
          memberVisible: false,
        },
      ])
      .returning();
    expect((await listOpenMemberComments(db, a, a.memberId)).map((c) => c.id)).toEqual([visible.id]);
    // A member scope asking for internal notes still gets none.
    expect((await listOpenMemberComments(db, a, a.memberId, { includeInternal: true })).map((c) => c.id)).toEqual([
      visible.id,
    ]);
    expect((await listOpenMemberComments(db, jobA, a.memberId, { includeInternal: true })).map((c) => c.id)).toEqual([
      visible.id,
      internal.id,
    ]);
    for (const scope of strangers()) {
      expect(await listOpenMemberComments(db, scope, a.memberId, { includeInternal: true })).toEqual([]);
      expect(await resolveMemberComments(db, scope, a.memberId)).toEqual([]);
    }
    expect(await resolveMemberComments(db, a, a.memberId)).toEqual([visible.id]);
    expect(await listOpenMemberComments(db, a, a.memberId)).toEqual([]);
    // The internal note is not the member's to resolve.
    expect((await listOpenMemberComments(db, jobA, a.memberId, { includeInternal: true })).map((c) => c.id)).toEqual([
      internal.id,
    ]);
  });
});
