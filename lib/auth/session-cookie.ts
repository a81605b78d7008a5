import "server-only";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

const SECURE_COOKIE = "__Secure-authjs.session-token";

/** Which kind of person a session cookie names: staff (`sessions`) or a member (`member_sessions`). */
export type SessionKind = "staff" | "member";

/**
 * The `sessions` row named by the request's session cookie, read on the server only. The JWT keeps
 * the id to itself: next-auth's session callback (and so /api/auth/session) never hands it to the
 * browser. Only the cookie is read, not an Authorization header. A member's cookie names no staff
 * session: it is null here (see `sessionFromCookies`).
 */
export async function sessionIdFromCookies(cookieHeader: string | null): Promise<string | null> {
  const session = await sessionFromCookies(cookieHeader);
  return session?.kind === "staff" ? session.sid : null;
}

/** The session row's id and kind the cookie names (a token without a kind predates members: staff). */
export async function sessionFromCookies(
  cookieHeader: string | null,
): Promise<{ kind: SessionKind; sid: string } | null> {
  const cookie = cookieHeader ?? "";
  const secret = env().AUTH_SECRET;
  if (!cookie || !secret) return null;
  // next-auth names the cookie __Secure-… when served over https; a cookie of either name only
  // decrypts with our secret, under a salt that is its own name.
  const secureCookie = cookie.split(";").some((part) => part.trim().startsWith(SECURE_COOKIE));
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie });
  if (typeof token?.sid !== "string") return null;
  return { kind: token.kind === "member" ? "member" : "staff", sid: token.sid };
}
