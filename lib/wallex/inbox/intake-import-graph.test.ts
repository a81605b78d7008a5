import { expect, test } from "vitest";
import { importGraphOf } from "@/lib/testing/import-graph";

/**
 * The intake route answers every Wallex delivery: one select (cached) and one insert. It loaded 129
 * of our modules (472 in all) when it reached the drain, the Wallex client and the sandbox through
 * the drainer and PGlite through the connection factory; 28 now (298 in all, most of them
 * drizzle-orm and zod, which the connection and env need anyway).
 */
test("the webhook intake route loads no more than it needs", { timeout: 60_000 }, async () => {
  const { modules, packages } = await importGraphOf("app/api/webhooks/wallex/[partnerId]/route.ts");
  const ours = modules.filter((m) => !m.includes("node_modules/"));
  expect(ours.length).toBeLessThanOrEqual(35);
  expect(ours.filter((m) => /lib\/wallex\/(client|sandbox|mirror)\/|lib\/services\//.test(m))).toEqual([]);
  for (const heavy of ["next", "hono", "@electric-sql/pglite", "pino-pretty", "nodemailer", "decimal.js"])
    expect(packages).not.toContain(heavy);
});
