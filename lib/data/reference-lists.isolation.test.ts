import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { referenceLists } from "@/db/schema";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { getReferenceListRow, saveReferenceListRow } from "./reference-lists";

const db = getDb();
const itemsOf = async (partnerId: string) =>
  (await db.select().from(referenceLists).where(eq(referenceLists.partnerId, partnerId))).map((r) => [r.list, r.items]);

/** The reference-list cache's data functions, aimed by partner B's scopes (staff and job) at A's rows. */
describe("tenant isolation: the reference-list cache", () => {
  let a: Awaited<ReturnType<typeof createStaff>>;
  let b: Awaited<ReturnType<typeof createStaff>>;
  const jobOfB = () => mintJobScope(b.scope.partnerId, "isolation-test");

  beforeAll(async () => {
    a = await createStaff(await createPartner("Lists A"), "admin");
    b = await createStaff(await createPartner("Lists B"), "admin");
  });

  test("getReferenceListRow and saveReferenceListRow: A's scope reads and replaces its own list; B's scopes see none and write only B's", async () => {
    await saveReferenceListRow(db, a.scope, "countries", [{ key: "SG", label: "Singapore" }]);
    expect((await getReferenceListRow(db, a.scope, "countries"))?.items).toEqual([{ key: "SG", label: "Singapore" }]);
    await saveReferenceListRow(db, mintJobScope(a.scope.partnerId, "isolation-test"), "countries", [
      { key: "ID", label: "Indonesia" },
    ]);
    expect((await getReferenceListRow(db, a.scope, "countries"))?.items).toEqual([{ key: "ID", label: "Indonesia" }]);

    for (const scope of [b.scope, jobOfB()]) expect(await getReferenceListRow(db, scope, "countries")).toBeNull();
    for (const scope of [b.scope, jobOfB()]) {
      await saveReferenceListRow(db, scope, "countries", [{ key: "XX", label: "B's" }]);
    }
    expect(await itemsOf(a.scope.partnerId)).toEqual([["countries", [{ key: "ID", label: "Indonesia" }]]]);
    expect(await itemsOf(b.scope.partnerId)).toEqual([["countries", [{ key: "XX", label: "B's" }]]]);
    expect((await getReferenceListRow(db, a.scope, "businessTypes")) ?? "none").toBe("none");
  });
});
