import "server-only";
import { env } from "@/lib/env";
import { demoWallexCredentials, EMBEDDED_SANDBOX_PATH } from "./demo";
import { createWallexSandbox, DEMO_PARTNER, type WallexSandbox } from "./sandbox";

const globalForSandbox = globalThis as unknown as { wallexSandbox?: Promise<WallexSandbox> };

/**
 * The sandbox the app serves at /api/wallex-sandbox: one per process, its state in the app's
 * PostgreSQL under its own schema, so it survives restarts like the rest of the app.
 */
export function getEmbeddedSandbox(): Promise<WallexSandbox> {
  globalForSandbox.wallexSandbox ??= createWallexSandbox({
    partners: [{ ...DEMO_PARTNER, ...demoWallexCredentials(env()) }],
    store: { kind: "postgres", connectionString: env().DATABASE_URL!, schema: "wallex_sandbox" },
    basePath: EMBEDDED_SANDBOX_PATH,
    publicUrl: env().APP_URL,
  }).catch((error) => {
    globalForSandbox.wallexSandbox = undefined;
    throw error;
  });
  return globalForSandbox.wallexSandbox;
}
