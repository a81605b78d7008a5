import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { CLIENT_REQUEST_ID_HEADER, REQUEST_ID_HEADER, isOurRequestId } from "@/lib/request-id";

export type RequestMeta = {
  /** Ours, minted by middleware for every request; never a value the client chose. */
  requestId: string | null;
  /** The client's address as our trusted proxies saw it, or null when no trusted proxy vouches for one. */
  ip: string | null;
  userAgent: string | null;
  /** The client's own X-Request-ID, when it was a plain token: for correlating logs, not for records. */
  clientRequestId?: string | null;
};

/** The request id (set by middleware), client IP and user agent of the current request. */
export async function getRequestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return metaFromHeaders(h);
}

export function metaFromHeaders(h: Headers): RequestMeta {
  const requestId = h.get(REQUEST_ID_HEADER);
  return {
    requestId: requestId && isOurRequestId(requestId) ? requestId : null,
    ip: clientIpFrom(h, env().TRUSTED_PROXY_COUNT),
    userAgent: h.get("user-agent"),
    clientRequestId: h.get(CLIENT_REQUEST_ID_HEADER),
  };
}

/**
 * The client address behind `trustedProxies` proxies. Each proxy appends the address it was
 * reached from to X-Forwarded-For, so the client is the entry that many places from the right;
 * everything further left was written by the client and proves nothing. With no trusted proxy the
 * header is the client's own say-so (Next.js keeps a client-sent one), so there is no address.
 * X-Real-IP is never read: any client can send it.
 */
export function clientIpFrom(h: Headers, trustedProxies: number): string | null {
  if (trustedProxies < 1) return null;
  const hops = (h.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim());
  const candidate = hops[hops.length - trustedProxies];
  if (!candidate) return null;
  const address = candidate.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(address) ? address : null;
}
