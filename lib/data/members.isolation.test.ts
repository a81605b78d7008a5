import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { memberDrafts, members, wallexDocuments, wallexPayments, wallexTimeline, type Member } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { memberListSchema } from "@/lib/validations/member-list";
import {
  countMembers,
  getMember,
  getMemberDrafts,
  iterateMembers,
  listMemberActivity,
  listMemberDocuments,
  listMembers,
  listMemberTimeline,
} from "./members";

const db = getDb();
const all = memberListSchema.parse({});

/** The members' read functions: A's scope sees A's member first, then B's scopes, aimed at the same ids, see nothing. */
describe("tenant isolation: the members' read functions", () => {
  let a: TenantScope;
  let scopesOfB: TenantScope[];
  let member: Member;

  beforeAll(async () => {
    const partnerA = await createPartner("Members A");
    a = (await createStaff(partnerA, "viewer")).scope;
    const b = (await createStaff(await createPartner("Members B"), "admin")).scope;
    scopesOfB = [b, mintJobScope(b.partnerId, "isolation-test")];
    [member] = await db
      .insert(members)
      .values({
        partnerId: partnerA.id,
        wallexUserId: "iso-user-a",
        wallexAccountId: "iso-acct-a",
        accountType: "company",
        signupKind: "full",
        email: "owner@a-members.test",
        firstName: "Ana",
        lastName: "Lim",
        companyName: "A Company",
        countryCode: "SG",
      })
      .returning();
    const readAt = new Date();
    await db.insert(memberDrafts).values({
      partnerId: partnerA.id,
      memberId: member.id,
      step: "personal",
      data: { dateOfBirth: "1990-01-31" },
    });
    await db.insert(wallexDocuments).values({
      partnerId: partnerA.id,
      wallexId: "iso-doc-a",
      parentId: "iso-user-a",
      status: "approved",
      reference: "passport",
      data: {},
      readAt,
    });
    await db.insert(wallexTimeline).values({
      partnerId: partnerA.id,
      kind: "user",
      wallexId: "iso-user-a",
      status: "approved",
      source: "webhook",
    });
    await db.insert(wallexPayments).values({
      partnerId: partnerA.id,
      wallexId: "iso-pay-a",
      accountId: "iso-acct-a",
      status: "completed",
      currency: "SGD",
      amount: "12.30",
      data: {},
      readAt,
    });
    await recordAudit(db, a, {
      action: "member.created",
      actor: { userId: null, email: "admin@a-members.test" },
      memberId: member.id,
      target: { type: "member", id: member.id },
    });
  });

  test("listMembers, countMembers and iterateMembers", async () => {
    expect((await listMembers(db, a, all)).rows.map((r) => r.id)).toEqual([member.id]);
    expect(await countMembers(db, a, all)).toBe(1);
    const exported = [];
    for await (const row of iterateMembers(db, a, all)) exported.push(row.id);
    expect(exported).toEqual([member.id]);
    for (const scope of scopesOfB) {
      expect((await listMembers(db, scope, memberListSchema.parse({ q: "owner@a-members" }))).rows).toEqual([]);
      expect(await countMembers(db, scope, all)).toBe(0);
      for await (const row of iterateMembers(db, scope, all)) expect.fail(`B exported ${row.id}`);
    }
  });

  test("getMember and getMemberDrafts", async () => {
    expect((await getMember(db, a, member.id))?.email).toBe("owner@a-members.test");
    expect((await getMemberDrafts(db, a, member.id)).map((d) => d.step)).toEqual(["personal"]);
    for (const scope of scopesOfB) {
      expect(await getMember(db, scope, member.id)).toBeNull();
      expect(await getMemberDrafts(db, scope, member.id)).toEqual([]);
    }
  });

  test("listMemberDocuments, listMemberTimeline and listMemberActivity, even handed A's member", async () => {
    expect((await listMemberDocuments(db, a, member)).map((d) => d.wallexId)).toEqual(["iso-doc-a"]);
    const timeline = await listMemberTimeline(db, a, member);
    expect(timeline.map((e) => e.source).sort()).toEqual(["audit", "wallex"]);
    expect((await listMemberActivity(db, a, member)).map((r) => r.wallexId)).toEqual(["iso-pay-a"]);
    for (const scope of scopesOfB) {
      expect(await listMemberDocuments(db, scope, member)).toEqual([]);
      expect(await listMemberTimeline(db, scope, member)).toEqual([]);
      expect(await listMemberActivity(db, scope, member)).toEqual([]);
    }
  });
});
