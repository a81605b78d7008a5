import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { signInThrottles } from "@/db/schema";
import { afterFailure, isLocked, minutesLeft, throttlePolicies } from "./throttle-policy";

export type ThrottleKind = keyof typeof throttlePolicies;
type Kind = ThrottleKind;
/** The throttle rows one sign-in counts against: its account's and, where known, its address's. */
export type ThrottleKeys = [Kind, string][];

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

/**
 * Per account always; per IP for the address our server worked out (lib/client-ip.ts: the socket's
 * peer or what trusted proxies say, never a header the client chose), so nobody can lock out an
 * address by naming it. Null only off our server (tests calling the code directly).
 */
function keysFor(email: string, ip: string | null): [Kind, string][] {
  const keys: [Kind, string][] = [["account", accountKey(email)]];
  if (ip) keys.push(["ip", `ip:${ip}`]);
  return keys;
}

/** Null when sign-in may proceed, else how many minutes the person must wait. */
export async function signInLockout(db: Database, email: string, ip: string | null): Promise<number | null> {
  return lockoutFor(db, keysFor(email, ip));
}

export async function recordSignInFailure(db: Database, email: string, ip: string | null) {
  await recordFailureFor(db, keysFor(email, ip));
}

export async function clearSignInFailures(db: Database, email: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, accountKey(email)));
}

/** The same lock for any kind of sign-in (members use keys of their own: lib/auth/member-throttle.ts). */
export async function lockoutFor(db: Database, throttleKeys: ThrottleKeys): Promise<number | null> {
  const keys = throttleKeys.map(([, key]) => key);
  const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
  const now = new Date();
  const locked = rows.filter((row) => isLocked(row, now));
  return locked.length ? Math.max(...locked.map((row) => minutesLeft(row, now))) : null;
}

export async function recordFailureFor(db: Database, throttleKeys: ThrottleKeys) {
  for (const [kind, key] of throttleKeys) {
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(signInThrottles).where(eq(signInThrottles.key, key)).for("update");
      const next = afterFailure(current, new Date(), throttlePolicies[kind]);
      await tx
        .insert(signInThrottles)
        .values({ key, ...next })
        .onConflictDoUpdate({ target: signInThrottles.key, set: next });
    });
  }
}

export async function clearFailuresFor(db: Database, key: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
