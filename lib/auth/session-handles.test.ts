import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { handlers } from "@/lib/auth";
import { env } from "@/lib/env";
import { createSession, getLiveSession, listLiveSessions, revokeSessionOfUser } from "@/lib/data/sessions";
import { createUser } from "@/lib/testing/factories";
import { sessionIdFromCookies } from "./session-cookie";
import { newSessionView, resolveSessionHandle, SESSION_VIEW_TTL_MS } from "./session-handles";

const db = getDb();
const device = { ip: null, userAgent: "vitest" };

async function sessionCookie(sid: string, user: { id: string; email: string; name: string }) {
  const salt = "authjs.session-token";
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name, sid },
    secret: env().AUTH_SECRET!,
    salt,
  });
  return `${salt}=${token}`;
}

describe("session ids stay on the server", () => {
  test("/api/auth/session shows name and email, not the session row's id, which the server still reads", async () => {
    const user = await createUser();
    const sid = await createSession(db, user.id, device);
    const cookie = await sessionCookie(sid, user);
    const response = await handlers.GET(
      new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie } }),
    );
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ user: { email: user.email, name: user.name } });
    expect(text).not.toContain(sid);
    expect(text).not.toContain("sid");
    expect(await sessionIdFromCookies(cookie)).toBe(sid);
    // A character mid-token carries only data bits (the last one may be padding that decodes alike).
    const i = Math.floor(cookie.length / 2);
    const tampered = cookie.slice(0, i) + (cookie[i] === "A" ? "B" : "A") + cookie.slice(i + 1);
    expect(await sessionIdFromCookies(tampered)).toBeNull();
  });

  test("a handle names one of the person's own sessions in one view only", async () => {
    const user = await createUser();
    const other = await createUser();
    const ids = [await createSession(db, user.id, device), await createSession(db, user.id, device)];
    const first = newSessionView(user.id);
    const second = newSessionView(user.id);
    const handle = first.handleOf(ids[1]);
    expect(handle).not.toContain(ids[1]);
    expect(second.handleOf(ids[1])).not.toBe(handle);
    expect(first.handleOf(ids[0])).not.toBe(handle);

    expect(resolveSessionHandle(user.id, { view: first.view, handle }, ids)).toBe(ids[1]);
    expect(resolveSessionHandle(user.id, { view: second.view, handle }, ids)).toBeNull();
    expect(resolveSessionHandle(other.id, { view: first.view, handle }, ids)).toBeNull();
    const tampered = (handle[0] === "x" ? "y" : "x") + handle.slice(1); // a different first character, always
    expect(resolveSessionHandle(user.id, { view: first.view, handle: tampered }, ids)).toBeNull();
    const later = Date.now() + SESSION_VIEW_TTL_MS + 1000;
    expect(resolveSessionHandle(user.id, { view: first.view, handle }, ids, later)).toBeNull();
  });

  test("signing out one device ends that session only, and never someone else's", async () => {
    const user = await createUser();
    const stranger = await createUser();
    const [keep, drop] = [await createSession(db, user.id, device), await createSession(db, user.id, device)];
    const theirs = await createSession(db, stranger.id, device);
    expect(await revokeSessionOfUser(db, user.id, theirs)).toBe(false);
    expect(await getLiveSession(db, theirs)).not.toBeNull();

    const view = newSessionView(user.id);
    const live = (await listLiveSessions(db, user.id)).map((s) => s.id);
    const target = resolveSessionHandle(user.id, { view: view.view, handle: view.handleOf(drop) }, live);
    expect(await revokeSessionOfUser(db, user.id, target!)).toBe(true);
    expect(await getLiveSession(db, drop)).toBeNull();
    expect(await getLiveSession(db, keep)).not.toBeNull();
    expect(await revokeSessionOfUser(db, user.id, drop)).toBe(false);
  });
});
