import type { Env } from "@/lib/env";
import { DEMO_PARTNER_CREDENTIALS } from "./sandbox";

type SandboxEnv = Pick<Env, "WALLEX_SANDBOX_API_KEY" | "WALLEX_SANDBOX_ACCESS_KEY_ID" | "WALLEX_SANDBOX_SECRET_ACCESS_KEY">;

/** The demo partner's credentials at the sandbox; the WALLEX_SANDBOX_* variables override them. */
export function demoWallexCredentials(config: SandboxEnv) {
  return {
    apiKey: config.WALLEX_SANDBOX_API_KEY ?? DEMO_PARTNER_CREDENTIALS.apiKey,
    accessKeyId: config.WALLEX_SANDBOX_ACCESS_KEY_ID ?? DEMO_PARTNER_CREDENTIALS.accessKeyId,
    secretAccessKey: config.WALLEX_SANDBOX_SECRET_ACCESS_KEY ?? DEMO_PARTNER_CREDENTIALS.secretAccessKey,
  };
}

export const EMBEDDED_SANDBOX_PATH = "/api/wallex-sandbox";

/** Where the app mounts the embedded sandbox: the default base URL of a new tenant. */
export function embeddedSandboxBaseUrl(appUrl: string) {
  return new URL(EMBEDDED_SANDBOX_PATH, appUrl).toString();
}
