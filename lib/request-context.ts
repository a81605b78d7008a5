import "server-only";
import { headers } from "next/headers";
import { trustedClientIp } from "@/lib/client-ip";
import { CLIENT_REQUEST_ID_HEADER, REQUEST_ID_HEADER, isOurRequestId } from "@/lib/request-id";

export type RequestMeta = {
  /** Ours, minted by middleware for every request; never a value the client chose. */
  requestId: string | null;
  /**
   * The client's address, as our HTTP server (lib/cli/serve-next.ts) worked it out from the socket or
   * the trusted proxies; null when the request did not come through it (a bare `next start`, tests).
   */
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
    ip: trustedClientIp(h),
    userAgent: h.get("user-agent"),
    clientRequestId: h.get(CLIENT_REQUEST_ID_HEADER),
  };
}
