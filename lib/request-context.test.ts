import { eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditEvents, sessions } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { setEnv } from "@/lib/env";
import { createPartner, createStaff, createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { clientIpFrom, metaFromHeaders } from "./request-context";

const db = getDb();
const forged = (forwardedFor: string, extra: Record<string, string> = {}) =>
  new Headers({ "x-forwarded-for": forwardedFor, "x-real-ip": "198.51.100.99", "user-agent": "probe", ...extra });

afterEach(() => setEnv("TRUSTED_PROXY_COUNT", "0"));

describe("clientIpFrom", () => {
  test("without a trusted proxy no header is believed", () => {
    expect(clientIpFrom(forged("203.0.113.9"), 0)).toBeNull();
    expect(clientIpFrom(new Headers({ "x-real-ip": "203.0.113.9" }), 0)).toBeNull();
  });

  test("behind N proxies the client is the N-th address from the right; the rest is the client's say-so", () => {
    expect(clientIpFrom(forged("203.0.113.9, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIpFrom(forged("203.0.113.9, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
    expect(clientIpFrom(forged("::ffff:198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIpFrom(forged("2001:db8::1"), 1)).toBe("2001:db8::1");
  });

  test("too few hops, or something that is not an address, gives no address", () => {
    expect(clientIpFrom(forged("198.51.100.7"), 2)).toBeNull();
    expect(clientIpFrom(new Headers(), 1)).toBeNull();
    expect(clientIpFrom(forged("x, not-an-ip"), 1)).toBeNull();
  });
});

describe("metaFromHeaders", () => {
  test("our request id is kept; a client's X-Request-ID never becomes it", () => {
    const ours = crypto.randomUUID();
    expect(metaFromHeaders(new Headers({ "x-request-id": ours })).requestId).toBe(ours);
    expect(metaFromHeaders(new Headers({ "x-request-id": "forged', 'ip': '1.2.3.4" })).requestId).toBeNull();
    expect(metaFromHeaders(new Headers({ "x-request-id": "abc" })).requestId).toBeNull();
  });

  test("forged X-Forwarded-For can neither lock out an address nor get into the audit log", async () => {
    const forgedIp = "203.0.113.9";
    for (let i = 0; i < 30; i++) {
      await signInWithPassword(db, { email: `nobody${i}-${crypto.randomUUID()}@example.test`, password: "x" }, metaFromHeaders(forged(forgedIp)));
    }
    const partner = await createPartner();
    const { user } = await createStaff(partner, "viewer");
    const result = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, metaFromHeaders(forged(forgedIp)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [session] = await db.select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(session.ip).toBeNull();
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partner.id));
    expect(audit.map((row) => row.ip)).toEqual([null]);
  });

  test("behind a trusted proxy the throttle keys on the proxy's address, whatever the client prepends", async () => {
    setEnv("TRUSTED_PROXY_COUNT", "1");
    const real = "198.51.100.42";
    for (let i = 0; i < 30; i++) {
      const meta = metaFromHeaders(forged(`203.0.113.${i}, ${real}`));
      expect(meta.ip).toBe(real);
      await signInWithPassword(db, { email: `rotating${i}-${crypto.randomUUID()}@example.test`, password: "x" }, meta);
    }
    const user = await createUser();
    const fromRotatedIp = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, metaFromHeaders(forged(`192.0.2.200, ${real}`)));
    expect(fromRotatedIp).toMatchObject({ ok: false, problem: { kind: "locked" } });
    const elsewhere = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, metaFromHeaders(forged("198.51.100.43")));
    expect(elsewhere.ok).toBe(true);
  });
});
