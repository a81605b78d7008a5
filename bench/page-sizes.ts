/**
 * How many bytes each page sends, the HTML and the RSC payload apart: a page's server CPU grows
 * with them (bench/pages.ts), so this is where a slow page is looked at first.
 *
 * Usage: npx next build && npx tsx --conditions=react-server bench/page-sizes.ts /p/demo /p/demo/webhooks …
 *   DATABASE_URL set: a throwaway database on that server; unset: in-memory PGlite.
 */
async function main() {
  process.env.LOG_LEVEL ??= "warn";
  const { startBenchApp, BENCH_TOTP_SECRET } = await import("./bench-app");
  const { signInOverHttp } = await import("./sign-in-over-http");
  const app = await startBenchApp(Number(process.env.BENCH_PORT ?? 3301));
  try {
    const cookie = await signInOverHttp(app.baseUrl, "admin@demo.test", "partnerdesk-demo", BENCH_TOTP_SECRET);
    console.log(
      `${"page".padEnd(40)} ${"status".padStart(6)} ${"HTML bytes".padStart(11)} ${"RSC bytes".padStart(10)}`,
    );
    for (const path of ["/bench-no-such-page", ...process.argv.slice(2)]) {
      const page = await fetch(app.baseUrl + path, { headers: { cookie } });
      const html = await page.text();
      const rsc = await (await fetch(app.baseUrl + path, { headers: { cookie, RSC: "1" } })).text();
      console.log(
        `${path.padEnd(40)} ${String(page.status).padStart(6)} ${String(html.length).padStart(11)} ${String(rsc.length).padStart(10)}`,
      );
    }
  } finally {
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
