import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { signInThrottles } from "@/db/schema";
import { afterFailure, isLocked, minutesLeft, throttlePolicies } from "./throttle-policy";

type Keys = { account: string; ip: string };

const keysFor = (email: string, ip: string): Keys => ({
  account: `account:${email.trim().toLowerCase()}`,
  ip: `ip:${ip}`,
});

/** Null when sign-in may proceed, else how many minutes the person must wait. */
export async function signInLockout(db: Database, email: string, ip: string): Promise<number | null> {
  const keys = keysFor(email, ip);
  const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, Object.values(keys)));
  const now = new Date();
  const locked = rows.filter((row) => isLocked(row, now));
  return locked.length ? Math.max(...locked.map((row) => minutesLeft(row, now))) : null;
}

export async function recordSignInFailure(db: Database, email: string, ip: string) {
  const keys = keysFor(email, ip);
  for (const kind of ["account", "ip"] as const) {
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(signInThrottles)
        .where(eq(signInThrottles.key, keys[kind]))
        .for("update");
      const next = afterFailure(current, new Date(), throttlePolicies[kind]);
      await tx
        .insert(signInThrottles)
        .values({ key: keys[kind], ...next })
        .onConflictDoUpdate({ target: signInThrottles.key, set: next });
    });
  }
}

export async function clearSignInFailures(db: Database, email: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, keysFor(email, "").account));
}
