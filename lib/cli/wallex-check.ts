import { eq } from "drizzle-orm";
import { partners } from "@/db/schema";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { getWallexConnectionRow } from "@/lib/data/wallex-connections";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { probeWallex } from "@/lib/wallex/probe";
import { openCliDatabase } from "./database";

/**
 * `npm run wallex:check -- --partner <slug>`: read-only calls with the partner's stored Wallex
 * connection (real Wallex demo keys, or the standalone sandbox), one line per operation: did the
 * path answer, with which status, and did the body fit our schema. Exits 1 if anything did not fit.
 */
async function main() {
  const slug = process.argv[process.argv.indexOf("--partner") + 1];
  if (!process.argv.includes("--partner") || !slug)
    throw new Error("Usage: npm run wallex:check -- --partner <partner slug>");
  const { db, close } = await openCliDatabase();
  try {
    const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.slug, slug));
    const scope = partner && mintJobScope(partner.id, "wallex-check");
    const row = scope && (await getWallexConnectionRow(db, scope));
    if (!row) throw new Error(`No partner "${slug}" with a Wallex connection.`);
    if (row.kind === "embedded_sandbox") {
      throw new Error(
        "This partner uses the app's embedded sandbox; point it at real Wallex or `npm run sandbox` first.",
      );
    }
    console.log(`Probing ${row.baseUrl} (read-only)…\n`);
    const rows = await probeWallex(await wallexClientFor(db, scope));
    for (const r of rows)
      console.log(`${r.outcome.padEnd(8)} ${r.operation.padEnd(34)} ${r.path}${r.detail ? `  — ${r.detail}` : ""}`);
    const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
    console.log(
      `\n${count("ok")} ok, ${count("shape")} shape mismatches, ${count("missing")} missing, ${count("refused")} refused, ${count("error")} errors, ${count("skipped")} skipped`,
    );
    process.exitCode = count("shape") + count("missing") + count("error") > 0 ? 1 : 0;
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
