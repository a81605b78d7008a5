import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Gives every request an id (for logs and the audit trail) and sends visitors without a session
 * cookie to sign-in. This is only a convenience: every page, action and route checks the session itself.
 */
export function middleware(request: NextRequest) {
  const headers = new Headers(request.headers);
  const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
  headers.set("x-request-id", requestId);

  const { pathname, search } = request.nextUrl;
  const needsSession = pathname.startsWith("/p/") || pathname.startsWith("/account");
  if (needsSession && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(url);
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
