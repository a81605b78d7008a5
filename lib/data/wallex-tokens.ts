import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexTokens } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/** The partner's cached Wallex session token (encrypted), if any. */
export async function getWallexToken(db: Executor, scope: TenantScope) {
  const [row] = await db.select().from(wallexTokens).where(scopeWhere(wallexTokens, scope)).limit(1);
  return row;
}

export async function saveWallexToken(
  db: Executor,
  scope: TenantScope,
  token: { token: string; issuedAt: Date; expiresAt: Date },
) {
  await db
    .insert(wallexTokens)
    .values({ partnerId: scope.partnerId, ...token })
    .onConflictDoUpdate({ target: wallexTokens.partnerId, set: token, setWhere: scopeWhere(wallexTokens, scope) });
}

/** Forgets the partner's token; with `issuedAt`, only that one (a token written meanwhile survives). */
export async function deleteWallexToken(db: Executor, scope: TenantScope, issuedAt?: Date) {
  await db
    .delete(wallexTokens)
    .where(and(scopeWhere(wallexTokens, scope), issuedAt ? eq(wallexTokens.issuedAt, issuedAt) : undefined));
}
