import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { recoveryCodes } from "@/db/schema";
import { hashRecoveryCode, newRecoveryCodes } from "@/lib/auth/totp";

/** Issues a fresh set of recovery codes (only their hashes are stored) and voids the old ones. */
export async function replaceRecoveryCodes(db: Executor, userId: string) {
  const codes = newRecoveryCodes();
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string) {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
