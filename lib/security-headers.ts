/** Edge-safe (middleware imports it): the per-request security headers. */

/** A fresh nonce per response: Next.js reads it from the request's CSP header and puts it on its scripts. */
export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this response's nonce (and what those scripts load, 'strict-dynamic').
 * Styles allow inline attributes: Radix and sonner position their popovers with style="…".
 * `next dev` needs eval for fast refresh and a websocket; production gets neither.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(opts.dev ? ["ws:", "wss:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * HSTS only where the browser reached us over HTTPS: our public URL is https, or a trusted proxy
 * says the request came in over https. Over plain http the header is meaningless (and on
 * localhost it would pin the developer's browser).
 */
export function wantsHsts(opts: { appUrl: string; trustedProxies: number; forwardedProto: string | null }) {
  if (opts.appUrl.startsWith("https://")) return true;
  return opts.trustedProxies > 0 && opts.forwardedProto?.split(",").at(-1)?.trim() === "https";
}
