import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getLiveSession } from "@/lib/data/sessions";
import { getCurrentMemberScope } from "./member-session";
import { sessionIdFromCookies } from "./session-cookie";

export type CurrentUser = { id: string; email: string; name: string; sessionId: string; hasTwoFactor: boolean };

/** The signed-in person, checked against the sessions table once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const sid = await sessionIdFromCookies((await headers()).get("cookie"));
  if (!sid) return null;
  const live = await getLiveSession(getDb(), sid);
  if (!live) return null;
  const { user } = live;
  return { id: user.id, email: user.email, name: user.name, sessionId: sid, hasTwoFactor: !!user.totpSecret };
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    // A signed-in member is not staff: staff pages do not exist for them.
    if (await getCurrentMemberScope()) notFound();
    redirect("/sign-in");
  }
  return user;
}
