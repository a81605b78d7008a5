/** Stands in for our origin when a target is given as a path; it never leaves this module. */
const PLACEHOLDER_ORIGIN = "http://partner-desk.invalid";

// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil" or "/\evil" become
// "//evil", another site. Anything of that kind is refused outright rather than cleaned up.
const AMBIGUOUS = /[\u0000-\u001f\u007f\\]/;

/**
 * The same-origin path (path, query and hash) to send someone to after sign-in, or `fallback`.
 * `value` is a path ("/p/demo?x=1") or, when `origin` is given, an absolute URL on that origin
 * (next-auth's redirect callback passes those). Parsed as a URL, never judged by its first characters.
 */
export function safeRedirectPath(value: unknown, opts: { origin?: string; fallback?: string } = {}): string {
  const fallback = opts.fallback ?? "/";
  if (typeof value !== "string" || value === "" || value.length > 2000 || AMBIGUOUS.test(value)) return fallback;
  // A path, or (with an origin to compare against) an absolute URL; "p/demo" or "http:x" are neither.
  if (!value.startsWith("/") && !(opts.origin && /^https?:\/\//i.test(value))) return fallback;
  const origin = opts.origin ? new URL(opts.origin).origin : PLACEHOLDER_ORIGIN;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || url.username || url.password) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil" normalises to "//evil", which a browser would read as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
