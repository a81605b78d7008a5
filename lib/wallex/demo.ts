export const EMBEDDED_SANDBOX_PATH = "/api/wallex-sandbox";

/** Where the app mounts the embedded sandbox: the base URL of a tenant that uses it. */
export function embeddedSandboxBaseUrl(appUrl: string) {
  return new URL(EMBEDDED_SANDBOX_PATH, appUrl).toString();
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether a typed address names the app's own sandbox mount: same scheme, port and path as the
 * app's, and the same host, any loopback spelling counting as one (localhost = 127.0.0.1 = [::1]).
 */
export function namesEmbeddedSandbox(url: string, appUrl: string) {
  let given: URL;
  try {
    given = new URL(url);
  } catch {
    return false;
  }
  const own = new URL(embeddedSandboxBaseUrl(appUrl));
  const path = (u: URL) => u.pathname.replace(/\/+$/, "");
  const host = (u: URL) => (LOOPBACK_NAMES.has(u.hostname) ? "loopback" : u.hostname);
  return (
    given.protocol === own.protocol &&
    given.port === own.port &&
    host(given) === host(own) &&
    path(given) === path(own) &&
    !given.search &&
    !given.hash
  );
}
