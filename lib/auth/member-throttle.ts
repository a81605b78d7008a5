import "server-only";
import type { Database } from "@/db";
import { clearFailuresFor, lockoutFor, recordFailureFor, type ThrottleKeys } from "./throttle";

/**
 * A member's sign-in is throttled like staff's (same policies, lib/auth/throttle-policy.ts) under
 * keys of its own: per member account of the partner (an address may be a member at two partners,
 * and staff too) and per IP, apart from staff's, so neither kind can lock the other out.
 */
const accountKey = (partnerId: string, email: string) => `member:${partnerId}:${email.trim().toLowerCase()}`;

function keysFor(partnerId: string, email: string, ip: string | null): ThrottleKeys {
  const keys: ThrottleKeys = [["account", accountKey(partnerId, email)]];
  if (ip) keys.push(["ip", `member-ip:${ip}`]);
  return keys;
}

export const memberSignInLockout = (db: Database, partnerId: string, email: string, ip: string | null) =>
  lockoutFor(db, keysFor(partnerId, email, ip));

export const recordMemberSignInFailure = (db: Database, partnerId: string, email: string, ip: string | null) =>
  recordFailureFor(db, keysFor(partnerId, email, ip));

export const clearMemberSignInFailures = (db: Database, partnerId: string, email: string) =>
  clearFailuresFor(db, accountKey(partnerId, email));
