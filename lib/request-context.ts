import "server-only";
import { headers } from "next/headers";

export type RequestMeta = { requestId: string | null; ip: string | null; userAgent: string | null };

/** The request id (set by middleware), client IP and user agent of the current request. */
export async function getRequestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return metaFromHeaders(h);
}

export function metaFromHeaders(h: Headers): RequestMeta {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: h.get("x-request-id"),
    ip: forwarded || h.get("x-real-ip") || null,
    userAgent: h.get("user-agent"),
  };
}
