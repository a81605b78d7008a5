/**
 * What every staff page costs over HTTP, beside a static route: the built app on the demo data,
 * signed in as the demo admin (who sees every page), each page under N concurrent clients for a
 * few seconds, reporting requests/s, p50, p95 and p95's ratio to the static route's (a 404).
 *
 * Usage: npx next build && npx tsx --conditions=react-server bench/pages.ts [seconds=5] [clients=10] [only]
 *   DATABASE_URL set: a throwaway database on that server (dropped afterwards); unset: in-memory PGlite.
 *   `only` keeps the pages whose name contains it (the static route is always measured).
 *   BENCH_PORT (default 3300) is the server's port; BENCH_CPU_PROF=<dir> writes the server's CPU profile there (bench/cpu-profile.mjs).
 * Target: every staff page's p95 within 2× the static route's.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadInChildProcess, runAsLoadChild } from "./load-process";
import { loadPage, type PageFigures, type PageLoad } from "./page-load";
import { processCpuMs } from "./process-cpu";

const seconds = Math.max(1, Number(process.argv[2] ?? 5));
const connections = Math.max(1, Number(process.argv[3] ?? 10));
const only = process.argv[4];
const port = Number(process.env.BENCH_PORT ?? 3300);
const TARGET_RATIO = 2;

type Page = { name: string; path: string; status: number };

async function main() {
  process.env.LOG_LEVEL ??= "warn"; // before the app's logger is first imported
  const { startBenchApp, BENCH_TOTP_SECRET } = await import("./bench-app");
  const { signInOverHttp } = await import("./sign-in-over-http");
  const { RESOURCE_KINDS, kindSlug } = await import("@/lib/records/mirror-tables");
  const profileDir = process.env.BENCH_CPU_PROF && resolve(process.env.BENCH_CPU_PROF);
  const profiler = fileURLToPath(new URL("./cpu-profile.mjs", import.meta.url));
  const app = await startBenchApp(port, profileDir && `--import=${profiler}`);
  try {
    const cookie = await signInOverHttp(app.baseUrl, "admin@demo.test", "partnerdesk-demo", BENCH_TOTP_SECRET);
    await new Promise((r) => setTimeout(r, 3000)); // the demo's queued webhooks arrive right after the start
    const p = "/p/demo";
    const staffPages: Page[] = [
      { name: "overview", path: p, status: 200 },
      ...RESOURCE_KINDS.map((kind) => ({ name: `records: ${kindSlug(kind)}`, path: `${p}/records/${kindSlug(kind)}` })),
      { name: "record (a payment)", path: `${p}/records/payment/${encodeURIComponent(app.paymentId)}` },
      ...["webhooks", "notifications", "audit", "api-log", "team", "settings", "mailbox"].map((name) => ({
        name,
        path: `${p}/${name}`,
      })),
      { name: "account security", path: "/account/security" },
    ].map((page) => ({ status: 200, ...page }));
    const pages = [
      { name: "static route (a 404)", path: "/bench-no-such-page", status: 404 },
      ...staffPages.filter((page) => !only || page.name.includes(only)),
    ];

    console.log(
      `${app.database}, ${connections} clients, ${seconds} s a page, signed in as the demo admin (${new Date().toISOString()})`,
    );
    const dbCpu = app.database === "PGlite"; // PGlite runs in this process, so its CPU is ours
    console.log(
      `${"page".padEnd(28)} ${"req/s".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p95/static".padStart(10)}` +
        ` ${"server CPU ms/req".padStart(18)}${dbCpu ? " PGlite CPU ms/req" : ""}`,
    );
    let staticP95 = NaN;
    let met = true;
    for (const page of pages) {
      const cpuBefore = [processCpuMs(app.serverPid), process.cpuUsage()] as const;
      const figures = await loadInChildProcess<PageLoad, PageFigures>(fileURLToPath(import.meta.url), {
        url: app.baseUrl + page.path,
        cookie,
        seconds,
        connections,
        status: page.status,
      });
      const serverCpu = (processCpuMs(app.serverPid) - cpuBefore[0]) / figures.answered;
      const { user, system } = process.cpuUsage(cpuBefore[1]);
      const ownCpu = (user + system) / 1000 / figures.answered;
      if (Number.isNaN(staticP95)) staticP95 = figures.p95;
      const ratio = figures.p95 / staticP95;
      const isStatic = page.status === 404;
      met &&= isStatic || (ratio <= TARGET_RATIO && figures.wrong === 0);
      const cells = [
        page.name.padEnd(28),
        figures.perSecond.toFixed(0).padStart(7),
        figures.p50.toFixed(0).padStart(8),
        figures.p95.toFixed(0).padStart(8),
        (isStatic ? "" : `${ratio.toFixed(1)}×`).padStart(10),
        serverCpu.toFixed(1).padStart(18),
        dbCpu ? ownCpu.toFixed(1).padStart(18) : "",
        figures.wrong ? `(${figures.wrong} wrong answers)` : "",
      ];
      console.log(cells.join(" ").trimEnd());
    }
    console.log(`target (every staff page's p95 ≤ ${TARGET_RATIO}× the static route's): ${met ? "MET" : "NOT MET"}`);
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
