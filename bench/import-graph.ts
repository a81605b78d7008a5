/**
 * How many modules an entry file loads (our files and package files), e.g. a hot route:
 *   npx tsx bench/import-graph.ts "app/api/webhooks/wallex/[partnerId]/route.ts" [--list]
 */
import { importGraphOf } from "@/lib/testing/import-graph";

const [entry] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (!entry) throw new Error("Usage: npx tsx bench/import-graph.ts <entry file> [--list]");
const { modules, packages } = await importGraphOf(entry);
const ours = modules.filter((m) => !m.includes("node_modules/"));
if (process.argv.includes("--list")) for (const m of modules) console.log(m);
console.log(`${entry}: ${modules.length} modules (${ours.length} ours), ${packages.length} packages`);
console.log(`packages: ${packages.join(", ")}`);
