import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { reachableFrom, ROOT } from "@/lib/testing/static-imports";
import { RESOURCES as READ_MAP } from "@/lib/wallex/mirror/read-map";
import { RESOURCE_KINDS, RESOURCES } from "./mirror-tables";

test("the table registry and the data layer reach no Wallex module, not even for its types", () => {
  const dataLayer = readdirSync(join(ROOT, "lib/data")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  const starts = ["lib/records/mirror-tables.ts", ...dataLayer.map((f) => `lib/data/${f}`)];
  const reached = new Set(starts.flatMap((file) => reachableFrom(file)));
  expect(reached).toContain("lib/records/mirror-tables.ts"); // the walk follows lib/data/mirror.ts's import
  expect([...reached].filter((f) => f.startsWith("lib/wallex/"))).toEqual([]);
});

test("the read map is the table registry plus the Wallex reads, kind for kind", () => {
  expect(Object.keys(READ_MAP)).toEqual(RESOURCE_KINDS);
  for (const kind of RESOURCE_KINDS) expect(READ_MAP[kind]).toMatchObject(RESOURCES[kind]);
  const readBack = RESOURCE_KINDS.filter((kind) => READ_MAP[kind].retrieve);
  expect(RESOURCE_KINDS.filter((kind) => !readBack.includes(kind))).toEqual(["quote", "balanceHistory"]);
  // What the record page offers (Refresh) matches what the read map can do.
  expect(RESOURCE_KINDS.filter((kind) => RESOURCES[kind].readBack)).toEqual(readBack);
  expect(READ_MAP.document.listByParent).toBeTypeOf("function");
  for (const def of Object.values(RESOURCES)) expect(Object.keys(def)).not.toContain("retrieve");
});
