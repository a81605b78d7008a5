/**
 * The staff members list over HTTP with 100,000 members in one partner: the built app on the demo
 * data plus that many members (bench/members-seed.ts), signed in as the demo admin, each page under
 * N concurrent clients for a few seconds, beside a static route (a 404): requests/s, p50, p95 and
 * p95's ratio to the static route's.
 *
 * Usage: npx next build && npx tsx --conditions=react-server bench/members-list.ts [seconds=5] [clients=10] [members=100000]
 *   DATABASE_URL set: a throwaway database on that server (dropped afterwards); unset: in-memory PGlite.
 *   BENCH_PORT (default 3300) is the server's port.
 * Target: every members page's p95 within 2× the static route's.
 */
import { fileURLToPath } from "node:url";
import { loadInChildProcess, runAsLoadChild } from "./load-process";
import { loadPage, type PageFigures, type PageLoad } from "./page-load";

const seconds = Math.max(1, Number(process.argv[2] ?? 5));
const connections = Math.max(1, Number(process.argv[3] ?? 10));
const count = Math.min(Math.max(1000, Number(process.argv[4] ?? 100_000)), 1_000_000);
const port = Number(process.env.BENCH_PORT ?? 3300);
const TARGET_RATIO = 2;

async function main() {
  process.env.LOG_LEVEL ??= "warn";
  const { startBenchApp, BENCH_TOTP_SECRET } = await import("./bench-app");
  const { signInOverHttp } = await import("./sign-in-over-http");
  const app = await startBenchApp(port);
  try {
    const { createDatabase } = await import("@/db");
    const { eq } = await import("drizzle-orm");
    const { partners } = await import("@/db/schema");
    const { DEMO_PARTNER_SLUG } = await import("@/lib/cli/seed-demo");
    const { mintJobScope } = await import("@/lib/auth/tenant-scope");
    const { iterateMembers } = await import("@/lib/data/members");
    const { encodeCursor, memberListSchema, sortOf } = await import("@/lib/validations/member-list");
    const { seedMembers } = await import("./members-seed");
    const { db, pool } = createDatabase(process.env.DATABASE_URL!);
    const [partner] = await db.select().from(partners).where(eq(partners.slug, DEMO_PARTNER_SLUG));
    const seeded = performance.now();
    await seedMembers(db, partner.id, count);
    // As autovacuum would soon after a bulk load: planner statistics and the visibility map.
    await pool.query("vacuum analyze members");
    console.log(`seeded ${count} members in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    // A deep page: the cursor of the row 50 from the end, as if Next had been pressed 1,999 times.
    const deepCursor = async (raw: Record<string, string>) => {
      const query = memberListSchema.parse(raw);
      const tail: { sortValue: string; id: string }[] = [];
      for await (const row of iterateMembers(db, mintJobScope(partner.id, "bench"), query)) {
        tail.push(row);
        if (tail.length > 51) tail.shift();
      }
      return encodeCursor({ ...sortOf(query), value: tail[0].sortValue, id: tail[0].id });
    };
    const deepByCreated = await deepCursor({});
    const deepByName = await deepCursor({ sort: "name" });
    await pool.end();

    const cookie = await signInOverHttp(app.baseUrl, "admin@demo.test", "partnerdesk-demo", BENCH_TOTP_SECRET);
    await new Promise((r) => setTimeout(r, 3000)); // the demo's queued webhooks arrive right after the start
    const m = "/p/demo/members";
    const pages = [
      { name: "static route (a 404)", path: "/bench-no-such-page", status: 404 },
      // An existing staff page on the same server, for scale: what the shell and a mirror list cost here.
      { name: "records: members (reference)", path: "/p/demo/records/user", status: 200 },
      { name: "members: first page", path: m, status: 200 },
      { name: "members: search + filters", path: `${m}?q=siti&type=individual&status=approved`, status: 200 },
      { name: "members: needs action", path: `${m}?action=needed&country=ID`, status: 200 },
      { name: "members: deep page (created)", path: `${m}?after=${deepByCreated}`, status: 200 },
      { name: "members: deep page (name)", path: `${m}?sort=name&after=${deepByName}`, status: 200 },
    ];
    console.log(
      `${app.database}, ${count} members, ${connections} clients, ${seconds} s a page, signed in as the demo admin (${new Date().toISOString()})`,
    );
    console.log(
      `${"page".padEnd(30)} ${"req/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p95/static".padStart(10)}`,
    );
    let staticP95 = NaN;
    let met = true;
    for (const page of pages) {
      const figures = await loadInChildProcess<PageLoad, PageFigures>(fileURLToPath(import.meta.url), {
        url: app.baseUrl + page.path,
        cookie,
        seconds,
        connections,
        status: page.status,
      });
      if (Number.isNaN(staticP95)) staticP95 = figures.p95;
      const ratio = figures.p95 / staticP95;
      const isStatic = page.status === 404;
      met &&= isStatic || (ratio <= TARGET_RATIO && figures.wrong === 0);
      const cells = [
        page.name.padEnd(30),
        figures.perSecond.toFixed(0).padStart(7),
        figures.p50.toFixed(0).padStart(8),
        figures.p95.toFixed(0).padStart(8),
        (isStatic ? "" : `${ratio.toFixed(1)}×`).padStart(10),
        figures.wrong ? `(${figures.wrong} wrong answers)` : "",
      ];
      console.log(cells.join(" ").trimEnd());
    }
    console.log(`target (every members page's p95 ≤ ${TARGET_RATIO}× the static route's): ${met ? "MET" : "NOT MET"}`);
  } finally {
    await app.stop();
  }
}

runAsLoadChild(process.argv, loadPage)
  .then((isChild) => (isChild ? undefined : main()))
  .then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
