export const EMBEDDED_SANDBOX_PATH = "/api/wallex-sandbox";

/** Where the app mounts the embedded sandbox: the base URL of a tenant that uses it. */
export function embeddedSandboxBaseUrl(appUrl: string) {
  return new URL(EMBEDDED_SANDBOX_PATH, appUrl).toString();
}
