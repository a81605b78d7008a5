import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { wallexTokens } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { withLease } from "@/lib/data/leases";
import { createMemoryTokenStore, type TokenStore } from "@/lib/wallex/client/token-store";

/**
 * Wallex tokens in PostgreSQL (encrypted), keyed by partner id. `singleFlight` first joins a
 * flight in this process, then holds a lease in the database, so across all processes one caller
 * authenticates while the others wait and then read its token. No transaction stays open across
 * the call to Wallex.
 */
export function createPgTokenStore(db: Database): TokenStore {
  const local = createMemoryTokenStore();
  return {
    async get(partnerId) {
      const [row] = await db.select().from(wallexTokens).where(eq(wallexTokens.partnerId, partnerId)).limit(1);
      if (!row) return undefined;
      return { token: decryptSecret(row.token), issuedAt: row.issuedAt.getTime(), expiresAt: row.expiresAt.getTime() };
    },
    async set(partnerId, token) {
      const values = {
        token: encryptSecret(token.token),
        issuedAt: new Date(token.issuedAt),
        expiresAt: new Date(token.expiresAt),
      };
      await db
        .insert(wallexTokens)
        .values({ partnerId, ...values })
        .onConflictDoUpdate({ target: wallexTokens.partnerId, set: values });
    },
    async invalidate(partnerId, token) {
      if (token === undefined) {
        await db.delete(wallexTokens).where(eq(wallexTokens.partnerId, partnerId));
        return;
      }
      const stored = await this.get(partnerId);
      if (stored?.token === token) {
        // Delete only the row we read: a token written meanwhile by another process survives.
        await db
          .delete(wallexTokens)
          .where(and(eq(wallexTokens.partnerId, partnerId), eq(wallexTokens.issuedAt, new Date(stored.issuedAt))));
      }
    },
    singleFlight(partnerId, fn) {
      return local.singleFlight(partnerId, () => withLease(db, `wallex-token:${partnerId}`, fn));
    },
  };
}
