import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { startEmbeddedDatabase } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { env, setEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { loadOrCreateLocalSecrets } from "./local-secrets";
import { spawnNextServer } from "./next-server-process";
import { printDemoLogins, seedDemoData } from "./seed-demo";
import { seedDemoActivity } from "./seed-demo-activity";

/**
 * `npm start` / `npm run dev`: makes sure there are secrets and a database (an embedded PGlite in
 * .data/ when DATABASE_URL is unset), applies migrations, seeds the demo tenant once, then runs
 * Next.js with that environment, behind our own HTTP server (serve-next.ts: it records the client's
 * address). Everything downstream only ever sees DATABASE_URL.
 */
async function main() {
  const mode = process.argv[2] === "dev" ? "dev" : "start";
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
  const seeded = await seedDemoData(env().DATABASE_URL!);
  if (seeded) {
    console.log("Creating demo activity in the embedded Wallex sandbox…");
    const level = logger.level;
    logger.level = "warn"; // its Wallex calls are in the API log; keep the terminal for the logins
    await seedDemoActivity().catch((error) => console.warn("Demo activity skipped:", error instanceof Error ? error.message : error));
    logger.level = level;
  }
  printDemoLogins(seeded);

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
    const child = spawn("npx", [command, ...args], { stdio: "inherit", env: process.env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
