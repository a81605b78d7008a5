import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";

/**
 * Plain Node, no `server-only`: both our HTTP server (lib/cli/serve-next.ts, which runs outside
 * Next's bundles) and lib/request-context.ts import it.
 *
 * The server writes the client's address into this header on every request, after deleting any
 * copy the client sent; the app reads the address from here and nowhere else.
 */
export const CLIENT_IP_HEADER = "x-pd-client-ip";

/** An IP address as people write it (`127.0.0.1`, not `::ffff:127.0.0.1`), or null if it is none. */
export function normaliseIp(value: string | null | undefined): string | null {
  const address = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return address && isIP(address) ? address : null;
}

/**
 * The client address behind `trustedProxies` proxies. Each proxy appends the address it was
 * reached from to X-Forwarded-For, so the client is the entry that many places from the right;
 * everything further left was written by the client and proves nothing.
 */
export function forwardedClientIp(forwardedFor: string | null | undefined, trustedProxies: number): string | null {
  if (trustedProxies < 1) return null;
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim());
  return normaliseIp(hops[hops.length - trustedProxies]);
}

/**
 * Who is at the other end: with no proxy in front, the socket's peer; behind N trusted proxies,
 * what they say. X-Real-IP and the like are never read: any client can send them.
 */
export function clientAddress(opts: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxies: number;
}) {
  if (opts.trustedProxies < 1) return normaliseIp(opts.remoteAddress);
  const forwardedFor = Array.isArray(opts.forwardedFor) ? opts.forwardedFor.join(",") : opts.forwardedFor;
  return forwardedClientIp(forwardedFor, opts.trustedProxies);
}

const STAMPED = Symbol.for("partner-desk.client-ip-stamped");
const registry = globalThis as { [STAMPED]?: boolean };

/**
 * Called by our server before it serves anything: every request in this process now passes
 * stampClientIp. Under a bare `next start` nobody calls it, so a CLIENT_IP_HEADER there is the
 * client's own and trustedClientIp ignores it. A global, not an env var: Next.js runs the app's
 * bundles in this same process, and configuration cannot switch it on by mistake.
 */
export function markClientIpStamped(on = true) {
  registry[STAMPED] = on;
}

/** The address our server stamped on this request; null when no server of ours is in front. */
export function trustedClientIp(h: Headers): string | null {
  return registry[STAMPED] ? normaliseIp(h.get(CLIENT_IP_HEADER)) : null;
}

const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
];

/**
 * Replaces whatever the client sent as CLIENT_IP_HEADER with the address we worked out (or
 * nothing). With no proxy in front, the client's X-Forwarded-* go too: nobody stands behind them,
 * and Next.js then fills them in from the connection itself.
 */
export function stampClientIp(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustedProxies: number) {
  delete headers[CLIENT_IP_HEADER];
  if (trustedProxies < 1) for (const name of FORWARDING_HEADERS) delete headers[name];
  const ip = clientAddress({ remoteAddress, forwardedFor: headers["x-forwarded-for"], trustedProxies });
  if (ip) headers[CLIENT_IP_HEADER] = ip;
}
