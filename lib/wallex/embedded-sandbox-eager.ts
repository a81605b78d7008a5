import "server-only";
import { assumeListeningUnlessOwnServer } from "@/lib/app-lifecycle";
import { embeddedSandboxEnabled, env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getEmbeddedSandbox } from "./embedded-sandbox";

/**
 * Opens the embedded sandbox at server start (instrumentation.ts): this is the web process, so its
 * webhooks go out once the server listens. A failure leaves the sandbox to its first use.
 */
export async function openEmbeddedSandboxEagerly() {
  if (!embeddedSandboxEnabled() || !env().DATABASE_URL) return;
  assumeListeningUnlessOwnServer();
  try {
    await getEmbeddedSandbox();
  } catch (error) {
    logger.error({ err: error }, "embedded Wallex sandbox did not open at start; it opens on first use");
  }
}
