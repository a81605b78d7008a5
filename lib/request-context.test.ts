import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditEvents, sessions } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createPartner, createStaff, createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { CLIENT_IP_HEADER, markClientIpStamped, stampClientIp } from "./client-ip";
import { metaFromHeaders } from "./request-context";

const db = getDb();

/** The request as the app sees it after our server (lib/cli/serve-next.ts) took it from `socket`. */
function fromSocket(socket: string, forwardedFor: string, trustedProxies = 0) {
  const headers: Record<string, string> = {
    "x-forwarded-for": forwardedFor,
    "x-real-ip": "198.51.100.99",
    [CLIENT_IP_HEADER]: "198.51.100.98",
    "user-agent": "probe",
  };
  stampClientIp(headers, socket, trustedProxies);
  return metaFromHeaders(new Headers(headers));
}

beforeEach(() => markClientIpStamped());
afterEach(() => markClientIpStamped(false));

describe("metaFromHeaders", () => {
  test("our request id is kept; a client's X-Request-ID never becomes it", () => {
    const ours = crypto.randomUUID();
    expect(metaFromHeaders(new Headers({ "x-request-id": ours })).requestId).toBe(ours);
    expect(metaFromHeaders(new Headers({ "x-request-id": "forged', 'ip': '1.2.3.4" })).requestId).toBeNull();
    expect(metaFromHeaders(new Headers({ "x-request-id": "abc" })).requestId).toBeNull();
  });

  test("forged X-Forwarded-For can neither lock out an address nor get into the audit log", async () => {
    const attacker = "192.0.2.66";
    const named = "203.0.113.9";
    for (let i = 0; i < 30; i++) {
      const meta = fromSocket(attacker, named);
      expect(meta.ip).toBe(attacker);
      await signInWithPassword(db, { email: `nobody${i}-${crypto.randomUUID()}@example.test`, password: "x" }, meta);
    }
    const partner = await createPartner();
    const { user } = await createStaff(partner, "viewer");
    const result = await signInWithPassword(
      db,
      { email: user.email, password: TEST_PASSWORD },
      fromSocket(`::ffff:${named}`, attacker),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [session] = await db.select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(session.ip).toBe(named);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partner.id));
    expect(audit.map((row) => row.ip)).toEqual([named]);

    // The failures counted against the address they really came from.
    const other = await createUser();
    expect(
      await signInWithPassword(
        db,
        { email: other.email, password: TEST_PASSWORD },
        fromSocket(attacker, "198.51.100.1"),
      ),
    ).toMatchObject({
      ok: false,
      problem: { kind: "locked" },
    });
  });

  test("the session and audit log record the loopback address as people read it", async () => {
    const partner = await createPartner();
    const { user } = await createStaff(partner, "viewer");
    const result = await signInWithPassword(
      db,
      { email: user.email, password: TEST_PASSWORD },
      fromSocket("::ffff:127.0.0.1", "203.0.113.9"),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [session] = await db.select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(session.ip).toBe("127.0.0.1");
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partner.id));
    expect(audit.map((row) => row.ip)).toEqual(["127.0.0.1"]);
  });

  test("behind a trusted proxy the throttle keys on the address the proxy saw, whatever the client prepends", async () => {
    const proxy = "10.0.0.2";
    const real = "198.51.100.42";
    for (let i = 0; i < 30; i++) {
      const meta = fromSocket(proxy, `203.0.113.${i}, ${real}`, 1);
      expect(meta.ip).toBe(real);
      await signInWithPassword(db, { email: `rotating${i}-${crypto.randomUUID()}@example.test`, password: "x" }, meta);
    }
    const user = await createUser();
    const fromRotatedIp = await signInWithPassword(
      db,
      { email: user.email, password: TEST_PASSWORD },
      fromSocket(proxy, `192.0.2.200, ${real}`, 1),
    );
    expect(fromRotatedIp).toMatchObject({ ok: false, problem: { kind: "locked" } });
    const elsewhere = await signInWithPassword(
      db,
      { email: user.email, password: TEST_PASSWORD },
      fromSocket(proxy, "198.51.100.43", 1),
    );
    expect(elsewhere.ok).toBe(true);
  });

  test("off our server (a bare `next start`) no header gives an address", () => {
    markClientIpStamped(false);
    expect(fromSocket("127.0.0.1", "203.0.113.9").ip).toBeNull();
    expect(
      metaFromHeaders(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" })).ip,
    ).toBeNull();
  });
});
