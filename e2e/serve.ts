import { existsSync } from "node:fs";
import { generateKeySpec } from "@/lib/crypto/secrets";
import { spawnNextServer } from "@/lib/cli/next-server-process";
import { seedDemoData } from "@/lib/cli/seed-demo";
import { setEnv } from "@/lib/env";
import { createTestDatabase } from "@/lib/testing/test-database";
import { closeEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { E2E_SANDBOX_HELPER_TOKEN } from "./fixtures/accounts";
import { seedLivePartner, seedNotificationsPartner } from "./fixtures/seed-notifications-partner";
import { seedOtherActivity } from "./fixtures/seed-other-activity";
import { seedOtherPartner } from "./fixtures/seed-other-partner";

/**
 * The app as Playwright sees it: a fresh database (on DATABASE_URL's server, or an in-memory
 * PGlite), the embedded sandbox turned on (it is off by default), the demo seed plus a second
 * partner for isolation tests and two with their webhook registered (notification and live-refresh tests), and
 * the production server (`npm start`'s, lib/cli/serve-next.ts) on E2E_PORT.
 * The database is dropped when Playwright stops the server.
 */
async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  if (!existsSync(".next/BUILD_ID")) throw new Error("Run `next build` before the e2e tests (npm run test:e2e does).");
  const database = await createTestDatabase("partner_desk_e2e");
  setEnv("DATABASE_URL", database.url);
  setEnv("AUTH_SECRET", "e2e-auth-secret-e2e-auth-secret-0123456789");
  setEnv("ENCRYPTION_KEYS", generateKeySpec("e2e"));
  setEnv("APP_URL", `http://localhost:${port}`);
  setEnv("LOG_LEVEL", "warn");
  setEnv("WALLEX_SANDBOX_EMBEDDED", "true");
  setEnv("WALLEX_SANDBOX_HELPER_TOKEN", E2E_SANDBOX_HELPER_TOKEN);
  await seedDemoData(database.url);
  await seedNotificationsPartner(database.url);
  await seedLivePartner(database.url);
  await closeEmbeddedSandbox(); // the server opens its own

  await seedOtherPartner(database.url);
  await seedOtherActivity(database.url);

  setEnv("PORT", port);
  const next = spawnNextServer("start");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    await new Promise((resolve) => next.once("exit", resolve));
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
