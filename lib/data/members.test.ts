import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { members, type Member } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/tenant-scope";
import { kycStatusOf } from "@/lib/members/kyc-status";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { decodeCursor, encodeCursor, memberListSchema, type MemberListQuery } from "@/lib/validations/member-list";
import { countMembers, iterateMembers, listMembers } from "./members";

const db = getDb();
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
const parse = (query: Record<string, string | string[] | undefined>) => memberListSchema.parse(query);

type Seed = Partial<typeof members.$inferInsert> & { firstName: string };
async function seed(scope: StaffScope, rows: Seed[]) {
  return db
    .insert(members)
    .values(
      rows.map((row) => ({
        partnerId: scope.partnerId,
        accountType: "individual" as const,
        signupKind: "full" as const,
        email: `${row.firstName.toLowerCase().replace(/\W/g, "")}-${randomUUID().slice(0, 6)}@example.test`,
        lastName: "Tan",
        countryCode: "SG",
        ...row,
      })),
    )
    .returning();
}

const names = (rows: { firstName: string }[]) => rows.map((r) => r.firstName);
const found = async (scope: StaffScope, query: Record<string, string>) =>
  names((await listMembers(db, scope, parse(query))).rows).sort();

/** Walks every page forwards with `limit` rows a page; returns the pages' first names. */
async function walk(scope: StaffScope, query: MemberListQuery, limit: number) {
  const pages: string[][] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listMembers(db, scope, { ...query, after: decodeCursor(after) }, limit);
    pages.push(names(page.rows));
    if (!page.next) return pages;
    after = page.next;
  }
  throw new Error("no last page");
}

describe("the members list's search and filters", () => {
  let scope: StaffScope;
  let neighbour: StaffScope;
  let byName: Record<string, Member>;

  beforeAll(async () => {
    scope = (await createStaff(await createPartner(), "viewer")).scope;
    neighbour = (await createStaff(await createPartner(), "viewer")).scope;
    const rows = await seed(scope, [
      { firstName: "Aisha", lastName: "Rahman", email: "aisha@rahman.test", stage: "invited", createdAt: hoursAgo(1) },
      // Invited four days ago and never accepted: someone should nudge.
      { firstName: "Budi", lastName: "Santoso", countryCode: "ID", stage: "invited", createdAt: hoursAgo(96) },
      // Invited as long ago but accepted (a password is set): not waiting on anyone.
      { firstName: "Chen", stage: "invited", passwordHash: "argon2-hash", createdAt: hoursAgo(96) },
      { firstName: "Dewi", stage: "in_progress", wallexStatus: "draft", countryCode: "ID" },
      { firstName: "Eka", stage: "changes_requested", wallexStatus: "pending_approval" },
      {
        firstName: "Farid",
        accountType: "company",
        companyName: "Lion 50%_Off Trading Pte Ltd",
        stage: "submitted",
        wallexStatus: "document_needs_resubmission",
        wallexReason: "Passport photo unreadable",
      },
      { firstName: "Gita", stage: "submitted", wallexStatus: "Approved" },
      // Wallex closed the account while we still thought the member was filling the wizard.
      { firstName: "Hadi", stage: "in_progress", wallexStatus: "closed" },
      { firstName: "Indah", stage: "submitted", wallexStatus: null, accountType: "company", companyName: "Indah Kopi" },
    ]);
    byName = Object.fromEntries(rows.map((r) => [r.firstName, r]));
    await seed(neighbour, [{ firstName: "Aisha", lastName: "Rahman", stage: "invited" }]);
  });

  test("search finds by first, last and full name, company and e-mail, ignoring case; LIKE's wildcards are text", async () => {
    expect(await found(scope, { q: "aisha" })).toEqual(["Aisha"]);
    expect(await found(scope, { q: "SANTOSO" })).toEqual(["Budi"]);
    expect(await found(scope, { q: "budi santoso" })).toEqual(["Budi"]);
    expect(await found(scope, { q: "santoso budi" })).toEqual(["Budi"]);
    expect(await found(scope, { q: "lion 50%_off" })).toEqual(["Farid"]);
    expect(await found(scope, { q: "lion 50%%off" })).toEqual([]);
    expect(await found(scope, { q: "Lion_50" })).toEqual([]);
    expect(await found(scope, { q: "@rahman.test" })).toEqual(["Aisha"]);
    expect(await found(scope, { q: "nobody" })).toEqual([]);
  });

  test("the status filter finds exactly what the badge shows: our stage until Wallex screens, then Wallex's", async () => {
    expect(await found(scope, { status: "invited" })).toEqual(["Aisha", "Budi", "Chen"]);
    // Wallex's draft (right after signup) is not a screening status: the member is ours, in progress.
    expect(await found(scope, { status: "in_progress" })).toEqual(["Dewi"]);
    expect(await found(scope, { status: "changes_requested" })).toEqual(["Eka"]);
    expect(await found(scope, { status: "document_needs_resubmission" })).toEqual(["Farid"]);
    expect(await found(scope, { status: "approved" })).toEqual(["Gita"]);
    expect(await found(scope, { status: "closed" })).toEqual(["Hadi"]);
    expect(await found(scope, { status: "submitted" })).toEqual(["Indah"]);
    expect(await found(scope, { status: "draft" })).toEqual([]);
    // The rule in SQL and in TypeScript agree on every row.
    const { rows } = await listMembers(db, scope, parse({}));
    for (const row of rows) expect(await found(scope, { status: kycStatusOf(row) })).toContain(row.firstName);
  });

  test("type, country and needs-action filters, and their combination", async () => {
    expect(await found(scope, { type: "company" })).toEqual(["Farid", "Indah"]);
    expect(await found(scope, { type: "individual" })).toHaveLength(7);
    expect(await found(scope, { country: "ID" })).toEqual(["Budi", "Dewi"]);
    expect(await found(scope, { country: "id" })).toEqual(["Budi", "Dewi"]);
    expect(await found(scope, { action: "needed" })).toEqual(["Budi", "Eka", "Farid"]);
    expect(await found(scope, { action: "needed", country: "ID" })).toEqual(["Budi"]);
    expect(await found(scope, { action: "needed", type: "company", q: "lion" })).toEqual(["Farid"]);
    expect(await countMembers(db, scope, parse({ action: "needed" }))).toBe(3);
    expect(await countMembers(db, scope, parse({}))).toBe(9);
    // Counted up to a cap: one beyond it says "more than the cap", without reading the rest.
    expect(await countMembers(db, scope, parse({}), 5)).toBe(6);
    expect(await countMembers(db, scope, parse({}), 20)).toBe(9);
  });

  test("malformed filters are ignored, never an error", async () => {
    const query = parse({
      type: "robot",
      country: "XX",
      action: "maybe",
      sort: "salary",
      dir: "sideways",
      q: "a\u0000b",
      status: "x".repeat(500),
      after: "not-a-cursor",
      before: ["%", "x"],
    });
    expect(query).toEqual({
      q: undefined,
      status: undefined,
      type: undefined,
      country: undefined,
      action: undefined,
      sort: undefined,
      dir: undefined,
      after: undefined,
      before: undefined,
    });
    expect((await listMembers(db, scope, query)).rows).toHaveLength(9);
    // A status nobody has is a filter that matches nothing, not an error.
    expect(await found(scope, { status: "'; drop table members; --" })).toEqual([]);
  });

  test("cursors: only ours are read; impossible dates and foreign shapes are ignored", () => {
    const id = randomUUID();
    const good = { sort: "created", dir: "desc", value: "2026-01-31T10:00:00.123456Z", id } as const;
    expect(decodeCursor(encodeCursor(good))).toEqual(good);
    expect(decodeCursor(encodeCursor({ ...good, value: "2026-02-30T10:00:00.000000Z" }))).toBeUndefined();
    expect(decodeCursor(encodeCursor({ ...good, value: "yesterday" }))).toBeUndefined();
    expect(decodeCursor(encodeCursor({ ...good, id: "-".repeat(36) }))).toBeUndefined();
    expect(decodeCursor(encodeCursor({ ...good, sort: "name", value: "a\u0000" }))).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"a":1}').toString("base64url"))).toBeUndefined();
    expect(decodeCursor("%%%")).toBeUndefined();
    expect(decodeCursor("x".repeat(2000))).toBeUndefined();
  });

  test("another partner's members are never listed, counted or exported", async () => {
    expect(await found(neighbour, {})).toEqual(["Aisha"]);
    expect(await countMembers(db, neighbour, parse({ q: "budi" }))).toBe(0);
    const exported = [];
    for await (const row of iterateMembers(db, neighbour, {})) exported.push(row.id);
    expect(exported).not.toContain(byName.Aisha.id);
    expect(exported).toHaveLength(1);
  });
});

describe("the members list's sorting and pages", () => {
  let scope: StaffScope;
  const same = new Date("2026-03-01T09:00:00.000Z");

  beforeAll(async () => {
    scope = (await createStaff(await createPartner(), "viewer")).scope;
    // Seven rows share one creation time to the microsecond: pages must neither repeat nor skip them.
    await seed(
      scope,
      ["m1", "m2", "m3", "m4", "m5", "m6", "m7"].map((n) => ({ firstName: n, createdAt: same, lastActivityAt: same })),
    );
    await seed(scope, [
      { firstName: "old", createdAt: new Date("2025-01-01T00:00:00.000Z"), lastActivityAt: hoursAgo(1) },
      { firstName: "new", createdAt: new Date("2026-06-01T00:00:00.000Z"), lastActivityAt: hoursAgo(500) },
      {
        firstName: "zed",
        accountType: "company",
        companyName: "Alpha Holdings",
        createdAt: hoursAgo(1),
        lastActivityAt: hoursAgo(2),
      },
    ]);
  });

  test("created (newest first by default, or oldest first), last activity and name", async () => {
    const order = async (query: Record<string, string>) => names((await listMembers(db, scope, parse(query))).rows);
    const byCreated = await order({});
    expect(byCreated[0]).toBe("zed");
    expect(byCreated[1]).toBe("new");
    expect(byCreated.at(-1)).toBe("old");
    expect(await order({ dir: "asc" })).toEqual([...byCreated].reverse());
    expect((await order({ sort: "activity" }))[0]).toBe("old");
    // Names sort by what the list shows: a company by its name ("Alpha Holdings"), people by theirs.
    const byName = await order({ sort: "name" });
    expect(byName[0]).toBe("zed");
    expect(byName.slice(1, 8)).toEqual(["m1", "m2", "m3", "m4", "m5", "m6", "m7"]);
    expect(await order({ sort: "name", dir: "desc" })).toEqual([...byName].reverse());
  });

  test("walking every page in each sort sees each member exactly once, ties included", async () => {
    for (const query of [{}, { dir: "asc" }, { sort: "activity" }, { sort: "name" }, { sort: "name", dir: "desc" }]) {
      const all = names((await listMembers(db, scope, parse(query))).rows);
      for (const limit of [1, 3, 10, 11]) {
        const pages = await walk(scope, parse(query), limit);
        expect(pages.flat(), `${JSON.stringify(query)} by ${limit}`).toEqual(all);
        expect(pages.at(-1)!.length).toBeGreaterThan(0);
        expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
      }
    }
  });

  test("previous goes back to exactly the page before; the first page has no previous, the last no next", async () => {
    const first = await listMembers(db, scope, parse({}), 4);
    expect(first.previous).toBeUndefined();
    const second = await listMembers(db, scope, parse({ after: first.next! }), 4);
    const third = await listMembers(db, scope, parse({ after: second.next! }), 4);
    expect(third.next).toBeUndefined();
    expect(third.rows).toHaveLength(2);
    const backToSecond = await listMembers(db, scope, parse({ before: third.previous! }), 4);
    expect(names(backToSecond.rows)).toEqual(names(second.rows));
    const backToFirst = await listMembers(db, scope, parse({ before: backToSecond.previous! }), 4);
    expect(names(backToFirst.rows)).toEqual(names(first.rows));
    expect(backToFirst.previous).toBeUndefined();
    expect(backToFirst.next).toBeDefined();
  });

  test("a cursor cut in another sort or direction is ignored: the first page", async () => {
    const first = await listMembers(db, scope, parse({}), 4);
    const asName = await listMembers(db, scope, parse({ sort: "name", after: first.next! }), 4);
    expect(asName.previous).toBeUndefined();
    expect(names(asName.rows)).toEqual(names((await listMembers(db, scope, parse({ sort: "name" }), 4)).rows));
  });

  test("no rows: no cursors either way", async () => {
    const empty = await listMembers(db, scope, parse({ q: "nobody at all" }));
    expect(empty).toMatchObject({ rows: [], next: undefined, previous: undefined });
  });

  test("the export's rows are exactly the filtered rows of every page, in the list's order", async () => {
    for (const query of [{}, { sort: "name" }, { q: "m" }, { type: "company" }]) {
      const pages = (await walk(scope, parse(query), 2)).flat();
      const exported: string[] = [];
      for await (const row of iterateMembers(db, scope, parse(query))) exported.push(row.firstName);
      expect(exported).toEqual(pages);
      expect(exported).toHaveLength(await countMembers(db, scope, parse(query)));
    }
  });
});
