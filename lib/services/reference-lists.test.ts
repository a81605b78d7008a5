import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { referenceLists } from "@/db/schema";
import { getReferenceListRow, saveReferenceListRow } from "@/lib/data/reference-lists";
import { listConnectedPartnerIds } from "@/lib/data/wallex-connections";
import { queues } from "@/lib/jobs/queues";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { connectedPartner, startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";
import {
  getReferenceList,
  refreshReferenceList,
  refreshReferenceListsOfAllPartners,
  toReferenceItem,
} from "./reference-lists";

const db = getDb();
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

/** How many times the sandbox was asked for `path` (its request log). */
const asked = (path: string) => sandbox.sandbox.control.requests().filter((r) => r.path === path).length;
const rowsOf = async (partnerId: string) =>
  (await db.select().from(referenceLists).where(eq(referenceLists.partnerId, partnerId))).map((r) => r.list).sort();

describe("the reference-list cache, against the sandbox over HTTP", () => {
  test("getReferenceList fetches on first use, stores {key, label} items, then answers from the cache", async () => {
    const { scope } = await connectedPartner(sandbox, { register: false });
    const before = asked("/v2/utils/countries");
    const countries = await getReferenceList(db, scope, "countries");
    expect(countries).toContainEqual({ key: "SG", label: "Singapore" });
    expect(countries).toHaveLength(249);
    expect(asked("/v2/utils/countries")).toBe(before + 1);
    expect((await getReferenceListRow(db, scope, "countries"))?.items).toEqual(countries);
    expect(await getReferenceList(db, scope, "countries")).toEqual(countries);
    expect(asked("/v2/utils/countries")).toBe(before + 1);

    const types = await getReferenceList(db, scope, "businessTypes");
    expect(types).toHaveLength(22);
    expect(types).toContainEqual({ key: "Trading/Retail/Wholesale", label: "Trading/Retail/Wholesale" });
    expect(await getReferenceList(db, scope, "entityTypes")).toContainEqual({
      key: "private_limited_company",
      label: "Private limited company",
    });
    expect((await getReferenceList(db, scope, "productsUsage")).map((i) => i.key)).toContain("payments");
  });

  test("the daily job refreshes every connected partner's four lists, and only connected partners'", async () => {
    const one = await connectedPartner(sandbox, { register: false });
    const two = await connectedPartner(sandbox, { register: false });
    const unconnected = await createStaff(await createPartner("No Wallex"), "admin");
    await saveReferenceListRow(db, one.scope, "businessTypes", [{ key: "trading", label: "Trading (stale)" }]);

    expect(queues.refreshReferenceLists).toEqual({ name: "wallex.reference-lists", cron: expect.any(String) });
    // The job's own selection: connected partners only (the run below names ours: other test files'
    // partners point at sandboxes that are gone by now).
    const connected = await listConnectedPartnerIds(db);
    expect(connected).toEqual(expect.arrayContaining([one.scope.partnerId, two.scope.partnerId]));
    expect(connected).not.toContain(unconnected.scope.partnerId);
    const results = await refreshReferenceListsOfAllPartners(db, [one.scope.partnerId, two.scope.partnerId]);
    for (const { scope } of [one, two]) {
      expect(results[scope.partnerId]).toEqual({ countries: 249, businessTypes: 22, entityTypes: 8, productsUsage: 5 });
      expect(await rowsOf(scope.partnerId)).toEqual(["businessTypes", "countries", "entityTypes", "productsUsage"]);
    }
    expect((await getReferenceListRow(db, one.scope, "businessTypes"))?.items).not.toContainEqual({
      key: "trading",
      label: "Trading (stale)",
    });
    expect(await rowsOf(unconnected.scope.partnerId)).toEqual([]);
  });

  test("a failing Wallex keeps the cached copy; an empty answer never replaces it", async () => {
    const { scope, client } = await connectedPartner(sandbox, { register: false });
    const cached = [{ key: "SG", label: "Singapore" }];
    await saveReferenceListRow(db, scope, "countries", cached);
    sandbox.sandbox.control.failNextRequests({ remaining: 1, status: 400 });
    await expect(refreshReferenceList(db, scope, "countries", client)).rejects.toThrow();
    expect((await getReferenceListRow(db, scope, "countries"))?.items).toEqual(cached);

    const empty = { ...client, utils: { ...client.utils, listCountries: async () => ({ data: [] }) } };
    expect(await refreshReferenceList(db, scope, "countries", empty as typeof client)).toEqual(cached);
    expect((await getReferenceListRow(db, scope, "countries"))?.items).toEqual(cached);
  });

  test("items of any known shape become {key, label}; items without a key are dropped", () => {
    expect(toReferenceItem({ code: "ID", name: "Indonesia" })).toEqual({ key: "ID", label: "Indonesia" });
    expect(toReferenceItem({ key: "Oil & Gas", description: "Oil & Gas" })).toEqual({
      key: "Oil & Gas",
      label: "Oil & Gas",
    });
    expect(toReferenceItem({ value: "x" })).toEqual({ key: "x", label: "x" });
    expect(toReferenceItem({ description: "no key" })).toBeNull();
  });
});

test("a partner whose Wallex cannot be reached: the first list fails, the rest are skipped, the cache stays", async () => {
  const gone = await startTestSandbox();
  const { scope } = await connectedPartner(gone, { register: false });
  await saveReferenceListRow(db, scope, "entityTypes", [{ key: "trust", label: "Trust" }]);
  await gone.stop();
  const results = await refreshReferenceListsOfAllPartners(db, [scope.partnerId]);
  expect(results[scope.partnerId]).toEqual({
    countries: "failed",
    businessTypes: "skipped",
    entityTypes: "skipped",
    productsUsage: "skipped",
  });
  expect((await getReferenceListRow(db, scope, "entityTypes"))?.items).toEqual([{ key: "trust", label: "Trust" }]);
});
