import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { startEmbeddedDatabase } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { env, setEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { loadOrCreateLocalSecrets } from "./local-secrets";
import { spawnNextServer } from "./next-server-process";
import { printDemoLogins } from "./seed-demo";
import { seedDemoActivity } from "./seed-demo-activity";
import { startupPlan } from "./startup-plan";
import { prepareTenants } from "./startup-tenants";

/**
 * `npm start` / `npm run dev` (add `-- --demo` to seed the demo tenant on a real database): makes
 * sure there are secrets and a database (an embedded PGlite in .data/ when DATABASE_URL is unset),
 * applies migrations, turns the embedded sandbox on and seeds the demo tenant only for the local
 * demo (see startup-plan.ts), then runs Next.js behind our own HTTP server (serve-next.ts: it
 * records the client's address).
 */
async function main() {
  const mode = process.argv[2] === "dev" ? "dev" : "start";
  const plan = startupPlan({ argv: process.argv.slice(2), databaseUrlConfigured: !!env().DATABASE_URL, env: env() });
  setEnv("WALLEX_SANDBOX_EMBEDDED", String(plan.sandbox));
  if (!env().AUTH_SECRET || !env().ENCRYPTION_KEYS) {
    const local = loadOrCreateLocalSecrets();
    if (!env().AUTH_SECRET) setEnv("AUTH_SECRET", local.AUTH_SECRET);
    if (!env().ENCRYPTION_KEYS) setEnv("ENCRYPTION_KEYS", local.ENCRYPTION_KEYS);
    console.log("Using local secrets from .data/secrets.json (set AUTH_SECRET and ENCRYPTION_KEYS in production).");
  }

  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!env().DATABASE_URL) {
    const embedded = await startEmbeddedDatabase(env().PGLITE_DIR);
    stopEmbedded = embedded.stop;
    setEnv("DATABASE_URL", embedded.url);
    console.log(`Embedded PostgreSQL (PGlite) in ${env().PGLITE_DIR}`);
  }

  await runMigrations(env().DATABASE_URL!);
  if (plan.sandbox)
    console.log("Embedded Wallex sandbox on at /api/wallex-sandbox (local demo only; WALLEX_SANDBOX_EMBEDDED).");
  const { seeded, messages } = await prepareTenants(env().DATABASE_URL!, plan);
  for (const message of messages) console.log(message);
  if (seeded) {
    console.log("Creating demo activity in the embedded Wallex sandbox…");
    const level = logger.level;
    logger.level = "warn"; // its Wallex calls are in the API log; keep the terminal for the logins
    await seedDemoActivity().catch((error) =>
      console.warn("Demo activity skipped:", error instanceof Error ? error.message : error),
    );
    logger.level = level;
  }
  if (plan.seedDemo) printDemoLogins(seeded);

  if (mode === "start" && !existsSync(".next/BUILD_ID")) await run("next", ["build"]);
  const next = spawnNextServer(mode);
  const shutdown = async (code: number) => {
    await stopEmbedded?.();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

function run(command: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn("npx", [command, ...args], { stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    );
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
