import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { CLIENT_REQUEST_ID_HEADER, REQUEST_ID_HEADER, plainClientRequestId } from "@/lib/request-id";
import { HSTS, contentSecurityPolicy, newNonce, wantsHsts } from "@/lib/security-headers";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** A member portal page that needs a member session: not its sign-in or invitation pages. */
const MEMBER_PAGE = /^\/m\/([^/]+)(?:\/(?!sign-in(?:\/|$)|invite\/).*)?$/;

/**
 * Gives every request our own id (for logs and the audit trail) and a CSP nonce, and sends visitors
 * without a session cookie to sign-in (staff's, or the member portal's of the partner in the URL).
 * This is only a convenience: every page, action and route checks the session itself (a member's
 * cookie on a staff page gets a 404 there, a staff cookie on the portal its sign-in page).
 */
export function middleware(request: NextRequest) {
  const headers = new Headers(request.headers);
  const requestId = crypto.randomUUID();
  const clientRequestId = plainClientRequestId(request.headers.get(REQUEST_ID_HEADER));
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.delete(CLIENT_REQUEST_ID_HEADER);
  if (clientRequestId) headers.set(CLIENT_REQUEST_ID_HEADER, clientRequestId);

  const { pathname, search } = request.nextUrl;
  const needsSession = pathname.startsWith("/p/") || pathname.startsWith("/account");
  const memberPage = request.method === "GET" ? MEMBER_PAGE.exec(pathname) : null;
  const hasCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (needsSession && !hasCookie) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    response = NextResponse.redirect(url);
  } else if (memberPage && !hasCookie) {
    response = NextResponse.redirect(new URL(`/m/${memberPage[1]}/sign-in`, request.url));
  } else {
    // Next.js takes the nonce from the request's policy and puts it on the scripts it renders.
    const csp = contentSecurityPolicy(newNonce(), { dev: env().NODE_ENV === "development" });
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
    response.headers.set("content-security-policy", csp);
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  const { APP_URL, TRUSTED_PROXY_COUNT } = env();
  if (
    wantsHsts({
      appUrl: APP_URL,
      trustedProxies: TRUSTED_PROXY_COUNT,
      forwardedProto: request.headers.get("x-forwarded-proto"),
    })
  ) {
    response.headers.set("strict-transport-security", HSTS);
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
