import { existsSync } from "node:fs";
import { generateKeySpec } from "@/lib/crypto/secrets";
import { spawnNextServer } from "@/lib/cli/next-server-process";
import { setEnv } from "@/lib/env";
import { createTestDatabase } from "@/lib/testing/test-database";
import { closeEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { E2E_SANDBOX_HELPER_TOKEN } from "./fixtures/accounts";
import { seedSandboxPool } from "./fixtures/sandbox-pool";
import { removeServerEnv, writeServerEnv, type E2eServerEnv } from "./fixtures/server-env";

/**
 * The app as Playwright sees it: a fresh database (on DATABASE_URL's server, or an in-memory
 * PGlite), the embedded sandbox turned on (it is off by default) and the production server
 * (`npm start`'s, lib/cli/serve-next.ts) on E2E_PORT. No tenant is seeded for the specs to share:
 * each makes its own (e2e/fixtures/tenant.ts), on this database, whose address and keys are left
 * for them in a file (e2e/fixtures/server-env.ts). Only sandbox identities are made here, in a
 * pool the specs claim from, because the sandbox keeps its partners in the server's memory.
 * The database is dropped when Playwright stops the server.
 */
async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  if (!existsSync(".next/BUILD_ID")) throw new Error("Run `next build` before the e2e tests (npm run test:e2e does).");
  const database = await createTestDatabase("partner_desk_e2e");
  const shared: E2eServerEnv = {
    DATABASE_URL: database.url,
    AUTH_SECRET: "e2e-auth-secret-e2e-auth-secret-0123456789",
    ENCRYPTION_KEYS: generateKeySpec("e2e"),
    APP_URL: `http://localhost:${port}`,
  };
  for (const name of Object.keys(shared) as (keyof E2eServerEnv)[]) setEnv(name, shared[name]);
  setEnv("LOG_LEVEL", "warn");
  setEnv("WALLEX_SANDBOX_EMBEDDED", "true");
  setEnv("WALLEX_SANDBOX_HELPER_TOKEN", E2E_SANDBOX_HELPER_TOKEN);
  await seedSandboxPool(database.url);
  await closeEmbeddedSandbox(); // the server opens its own
  writeServerEnv(port, shared);

  setEnv("PORT", port);
  const next = spawnNextServer("start");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    await new Promise((resolve) => next.once("exit", resolve));
    removeServerEnv(port);
    await database.drop();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  next.on("exit", () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
