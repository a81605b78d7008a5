import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto";
import { getLiveSession, revokeAllSessions } from "@/lib/data/sessions";
import { replaceRecoveryCodes } from "@/lib/data/recovery-codes";
import { createPartner, createStaff, createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { signInWithPassword } from "./sign-in";
import { newTotpSecret } from "./totp";

const db = getDb();
const meta = (ip = `10.0.0.${Math.floor(Math.random() * 250)}`) => ({ requestId: "req-test", ip, userAgent: "vitest" });

describe("signInWithPassword", () => {
  test("opens a live session and audits the sign-in in each partner", async () => {
    const partner = await createPartner();
    const { user } = await createStaff(partner, "operator");
    const result = await signInWithPassword(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, meta());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await getLiveSession(db, result.sessionId)).not.toBeNull();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partner.id));
    expect(events.map((e) => e.action)).toContain("auth.signed_in");
  });

  test("revoking every session signs the person out on their next request", async () => {
    const user = await createUser();
    const result = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, meta());
    if (!result.ok) throw new Error("sign-in failed");
    await revokeAllSessions(db, user.id);
    expect(await getLiveSession(db, result.sessionId)).toBeNull();
  });

  test("locks the account after five wrong passwords, even with the right one", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) {
      expect(await signInWithPassword(db, { email: user.email, password: "wrong" }, meta())).toEqual({
        ok: false,
        problem: { kind: "invalid" },
      });
    }
    const locked = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, meta());
    expect(locked).toMatchObject({ ok: false, problem: { kind: "locked", minutes: 15 } });
  });

  test("locks an IP that tries many accounts", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < 30; i++)
      await signInWithPassword(db, { email: `nobody${i}@example.test`, password: "x" }, meta(ip));
    const user = await createUser();
    const result = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, meta(ip));
    expect(result).toMatchObject({ ok: false, problem: { kind: "locked" } });
  });

  test("with two-factor on: asks for a code, accepts it once, and takes a recovery code once", async () => {
    const user = await createUser();
    const secret = newTotpSecret();
    await db
      .update(users)
      .set({ totpSecret: encryptSecret(secret) })
      .where(eq(users.id, user.id));
    const [recovery] = await replaceRecoveryCodes(db, user.id);
    const creds = { email: user.email, password: TEST_PASSWORD };

    expect(await signInWithPassword(db, creds, meta())).toEqual({ ok: false, problem: { kind: "code_required" } });
    expect(await signInWithPassword(db, { ...creds, code: "000000" }, meta())).toMatchObject({
      ok: false,
      problem: { kind: "code_invalid" },
    });
    const code = await generate({ secret });
    expect((await signInWithPassword(db, { ...creds, code }, meta())).ok).toBe(true);
    expect(await signInWithPassword(db, { ...creds, code }, meta())).toMatchObject({
      ok: false,
      problem: { kind: "code_invalid" },
    });
    expect((await signInWithPassword(db, { ...creds, code: recovery }, meta())).ok).toBe(true);
    expect(await signInWithPassword(db, { ...creds, code: recovery }, meta())).toMatchObject({
      ok: false,
      problem: { kind: "code_invalid" },
    });
  });
});
