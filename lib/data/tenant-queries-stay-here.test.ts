import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { getTableColumns, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, test } from "vitest";
import * as schema from "@/db/schema";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SCANNED = ["app", "lib", "components", "bench", "e2e", "db"];

/**
 * Where a query on a tenant table may be written outside lib/data, and why. Short on purpose:
 * everything else reaches tenant rows through a lib/data function that filters by `scopeWhere`.
 */
const ALLOWED: { prefix: string; why: string }[] = [
  { prefix: "lib/data/", why: "the data layer itself" },
  { prefix: "db/", why: "schema, migrations and the connection factory" },
  { prefix: "lib/testing/", why: "test factories create partners' rows the way a fixture must, with no scope yet" },
  { prefix: "e2e/", why: "Playwright fixtures seed their own tenants directly" },
  { prefix: "bench/", why: "benchmarks seed and count rows of throwaway databases" },
];
const isTest = (path: string) => /\.test\.tsx?$/.test(path);

/** The schema's tables with a partner_id column, by their exported names. */
const TENANT_TABLES = Object.entries(schema)
  .filter(([, value]) => is(value, PgTable) && "partnerId" in getTableColumns(value as PgTable))
  .map(([name]) => name);

const QUERY_CALL = /\b(?:from|insert|update|delete|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*([\w.]+)\s*[,)]/g;
const SQL_INTERPOLATION = /\$\{\s*([\w.]+)\s*\}/g;

/**
 * The tenant-table queries in one source file: drizzle calls and sql`${table}` interpolations
 * naming a tenant table, an alias of one (`const w = webhookEvents`), or a registry's table
 * (`def.table`, a mirror table chosen at run time).
 */
export function tenantQueriesIn(source: string, tenantTables: readonly string[]): string[] {
  const names = new Set(tenantTables);
  const alias = /\bconst\s+(\w+)(?:\s*:\s*MirrorTable)?\s*=\s*([\w.]+)\s*;/g;
  for (let found = alias.exec(source); found; found = alias.exec(source)) {
    if (names.has(found[2]) || /\.table$/.test(found[2])) names.add(found[1]);
  }
  const tenant = (name: string) => names.has(name) || /\.table$/.test(name);
  const hits: string[] = [];
  for (const pattern of [QUERY_CALL, SQL_INTERPOLATION]) {
    for (const match of source.matchAll(pattern)) {
      if (tenant(match[1])) hits.push(match[0].replace(/\s+/g, " "));
    }
  }
  return hits;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (entry === "node_modules" || entry.startsWith(".")) return [];
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

describe("tenant queries live in lib/data", () => {
  test("the schema's tenant tables are found (a partner_id column makes one)", () => {
    expect(TENANT_TABLES).toEqual(
      expect.arrayContaining(["webhookEvents", "wallexIntents", "auditEvents", "mailOutbox", "wallexPayments"]),
    );
    expect(TENANT_TABLES).not.toContain("partners");
    expect(TENANT_TABLES).not.toContain("users");
  });

  test("the check catches each way of writing one, and nothing else", () => {
    const violations = [
      `db.select().from(webhookEvents).where(x)`,
      `await db.insert(wallexIntents).values(v)`,
      `tx.update(mailOutbox).set(s)`,
      `db.delete(wallexTokens)`,
      `db.select().from(partners).innerJoin(wallexConnections, eq(a, b))`,
      `const w = webhookEvents;\nawait db.update(w).set(s)`,
      `db.select().from(def.table)`,
      `db.execute(sql\`update \${webhookEvents} set x = 1\`)`,
    ];
    for (const source of violations) expect(tenantQueriesIn(source, TENANT_TABLES), source).toHaveLength(1);
    const fine = [
      `import { webhookEvents, type MirrorTable } from "@/db/schema";`,
      `db.select().from(partners).where(eq(partners.slug, slug))`,
      `db.insert(signInThrottles).values(v)`,
      `const t: MirrorTable = RESOURCES[kind].table; // a registry entry, not queried here`,
      "`${partnerId}`",
      "sql`select * from ${table}`", // the sandbox's own store names its tables so
    ];
    for (const source of fine) expect(tenantQueriesIn(source, TENANT_TABLES), source).toEqual([]);
  });

  test("no file outside lib/data (and the allowlist) queries a tenant table", () => {
    const offenders: string[] = [];
    for (const dir of SCANNED) {
      for (const file of sourceFiles(join(root, dir))) {
        const path = relative(root, file);
        if (isTest(path) || ALLOWED.some((a) => path.startsWith(a.prefix))) continue;
        for (const hit of tenantQueriesIn(readFileSync(file, "utf8"), TENANT_TABLES)) offenders.push(`${path}: ${hit}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
