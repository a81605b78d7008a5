import type { Env } from "@/lib/env";

/** The demo partner's credentials at the sandbox; the WALLEX_SANDBOX_* variables override them. */
export function demoWallexCredentials(config: Pick<Env, "WALLEX_SANDBOX_API_KEY" | "WALLEX_SANDBOX_ACCESS_KEY_ID" | "WALLEX_SANDBOX_SECRET_ACCESS_KEY">) {
  return {
    apiKey: config.WALLEX_SANDBOX_API_KEY ?? "demo-api-key-0001",
    accessKeyId: config.WALLEX_SANDBOX_ACCESS_KEY_ID ?? "demo-access-key-id-0001",
    secretAccessKey: config.WALLEX_SANDBOX_SECRET_ACCESS_KEY ?? "demo-secret-access-key-0001",
  };
}

/** Where the app mounts the embedded sandbox: the default base URL of a new tenant. */
export function embeddedSandboxBaseUrl(appUrl: string) {
  return new URL("/api/wallex-sandbox", appUrl).toString();
}
