import "server-only";
import { embeddedSandboxEnabled, env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getEmbeddedSandbox } from "./embedded-sandbox";

/** Opens the embedded sandbox at server start (instrumentation.ts); a failure leaves it to its first use. */
export async function openEmbeddedSandboxEagerly() {
  if (!embeddedSandboxEnabled() || !env().DATABASE_URL) return;
  try {
    await getEmbeddedSandbox();
  } catch (error) {
    logger.error({ err: error }, "embedded Wallex sandbox did not open at start; it opens on first use");
  }
}
