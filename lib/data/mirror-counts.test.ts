import { count } from "drizzle-orm";
import { expect, test } from "vitest";
import { getDb } from "@/db";
import type { MirrorTable } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/tenant-scope";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { RESOURCE_KINDS, RESOURCES, type ResourceKind } from "@/lib/records/mirror-tables";
import { countMirrorRecords } from "./mirror";

const db = getDb();
const staffOf = async () => (await createStaff(await createPartner(), "viewer")).scope;

async function hold(scope: StaffScope, kind: ResourceKind, n: number) {
  const table: MirrorTable = RESOURCES[kind].table;
  const rows = Array.from({ length: n }, (_, i) => ({
    partnerId: scope.partnerId,
    wallexId: `${kind}-${i}-${crypto.randomUUID()}`,
    data: {},
    readAt: new Date(),
  }));
  if (rows.length) await db.insert(table).values(rows);
}

/** What a tab would show if each kind were counted on its own. */
async function countedOneByOne(scope: StaffScope) {
  const entries = await Promise.all(
    RESOURCE_KINDS.map(async (kind) => {
      const table: MirrorTable = RESOURCES[kind].table;
      const [{ n }] = await db.select({ n: count() }).from(table).where(scopeWhere(table, scope));
      return [kind, n] as const;
    }),
  );
  return Object.fromEntries(entries);
}

test("the tabs' counts, read in one round trip, are each kind's own count for the partner", async () => {
  const [a, b] = [await staffOf(), await staffOf()];
  // A different number of each kind for A (some none), and rows of every kind for B beside them.
  for (const [i, kind] of RESOURCE_KINDS.entries()) await hold(a, kind, i % 4);
  for (const kind of RESOURCE_KINDS) await hold(b, kind, 5);

  const counts = await countMirrorRecords(db, a);
  expect(counts).toEqual(await countedOneByOne(a));
  expect(Object.keys(counts).sort()).toEqual([...RESOURCE_KINDS].sort());
  expect(counts[RESOURCE_KINDS[1]]).toBe(1); // A's own rows are seen…
  expect(Object.values(await countMirrorRecords(db, b))).toEqual(RESOURCE_KINDS.map(() => 5)); // …and only its own
});
