import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getLiveMemberSession } from "@/lib/data/member-sessions";
import { memberScopeOf } from "./member-sign-in";
import { sessionFromCookies } from "./session-cookie";
import type { MemberScope } from "./tenant-scope";

/**
 * The member signed in on this request, from a member session cookie checked against
 * `member_sessions` once per request (React `cache`), as the MemberScope of their partner. Null
 * for no cookie, a staff cookie, or a session revoked or expired. The member and the partner come
 * from the session row, never from the URL.
 */
export const getCurrentMemberScope = cache(async (): Promise<MemberScope | null> => {
  const session = await sessionFromCookies((await headers()).get("cookie"));
  if (session?.kind !== "member") return null;
  const live = await getLiveMemberSession(getDb(), session.sid);
  if (!live) return null;
  return memberScopeOf(live.member, live.partner, session.sid);
});

export const memberSignInPath = (partnerSlug: string) => `/m/${encodeURIComponent(partnerSlug)}/sign-in`;

/**
 * For portal pages: the member's scope at `partnerSlug`. Not signed in as a member (nobody, or
 * staff) → the portal's sign-in page; a member of another partner → 404.
 */
export const requireMember = cache(async (partnerSlug: string): Promise<MemberScope> => {
  const scope = await getCurrentMemberScope();
  if (!scope) redirect(memberSignInPath(partnerSlug));
  if (scope.partnerSlug !== partnerSlug) notFound();
  return scope;
});
