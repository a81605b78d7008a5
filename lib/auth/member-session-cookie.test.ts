import { encode } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { createSession } from "@/lib/data/sessions";
import { createUser } from "@/lib/testing/factories";
import { sessionFromCookies, sessionIdFromCookies } from "./session-cookie";

const salt = "authjs.session-token";
const cookieOf = async (token: Record<string, unknown>) =>
  `${salt}=${await encode({ token, secret: env().AUTH_SECRET!, salt })}`;

describe("one session cookie, two kinds of person", () => {
  test("a member's token names a member session and never a staff one, even with a staff session's id", async () => {
    const user = await createUser();
    const staffSid = await createSession(getDb(), user.id, { ip: null, userAgent: "vitest" });
    const member = await cookieOf({ sub: "m", sid: staffSid, kind: "member" });
    expect(await sessionIdFromCookies(member)).toBeNull();
    expect(await sessionFromCookies(member)).toEqual({ kind: "member", sid: staffSid });

    // Staff tokens: with the kind, and without it (issued before members existed).
    for (const token of [{ sid: staffSid, kind: "staff" }, { sid: staffSid }]) {
      const cookie = await cookieOf({ sub: user.id, ...token });
      expect(await sessionIdFromCookies(cookie)).toBe(staffSid);
      expect(await sessionFromCookies(cookie)).toEqual({ kind: "staff", sid: staffSid });
    }
    expect(await sessionFromCookies(null)).toBeNull();
  });
});
