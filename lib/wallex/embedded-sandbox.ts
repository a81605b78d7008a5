import "server-only";
import { createHmac } from "node:crypto";
import { appListening, onAppStopping } from "@/lib/app-lifecycle";
import { embeddedSandboxEnabled, env } from "@/lib/env";
import { webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { EMBEDDED_SANDBOX_PATH } from "./demo";
import { createWallexSandbox, type WallexSandbox } from "./sandbox";

const globalForSandbox = globalThis as unknown as { wallexSandbox?: Promise<WallexSandbox> };

/**
 * The sandbox the app serves at /api/wallex-sandbox when WALLEX_SANDBOX_EMBEDDED=true: one per
 * process, its state in the app's PostgreSQL under its own schema. It knows no static partner:
 * each tenant that chooses it is provisioned with its own generated credentials
 * (lib/services/wallex-connection/embedded-sandbox.ts), and it delivers webhooks only to this app.
 */
export function getEmbeddedSandbox(): Promise<WallexSandbox> {
  if (!embeddedSandboxEnabled())
    return Promise.reject(new Error("The embedded Wallex sandbox is off (WALLEX_SANDBOX_EMBEDDED is not true)."));
  if (!globalForSandbox.wallexSandbox) {
    globalForSandbox.wallexSandbox = createWallexSandbox({
      partners: [],
      store: { kind: "postgres", connectionString: env().DATABASE_URL!, schema: "wallex_sandbox" },
      basePath: EMBEDDED_SANDBOX_PATH,
      publicUrl: env().APP_URL,
      webhookTargets: (url, partnerId) => url === webhookUrlFor(partnerId),
      // Sent only by the web server's own sandbox once it listens: a command-line task's sandbox
      // (seeding, start-up checks) leaves them queued in the store for it.
      webhooksFrom: appListening(),
      helperOrigins: [new URL(env().APP_URL).origin],
      // Stable across restarts (URLs already handed out stay valid), secret like the sessions' key.
      storageSecret: createHmac("sha256", env().AUTH_SECRET ?? "")
        .update("wallex-sandbox-storage")
        .digest("hex"),
    }).catch((error) => {
      globalForSandbox.wallexSandbox = undefined;
      throw error;
    });
    // Sends in flight get their answer before the server's process exits.
    onAppStopping(closeEmbeddedSandbox);
  }
  return globalForSandbox.wallexSandbox;
}

/** Closes this process's instance (command-line tasks do, before the web server opens its own). */
export async function closeEmbeddedSandbox() {
  const sandbox = globalForSandbox.wallexSandbox;
  globalForSandbox.wallexSandbox = undefined;
  await (await sandbox?.catch(() => undefined))?.close();
}
