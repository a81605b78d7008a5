import "server-only";
import type { Database } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { withLease } from "@/lib/data/leases";
import { deleteWallexToken, getWallexToken, saveWallexToken } from "@/lib/data/wallex-tokens";
import { createMemoryTokenStore, type TokenStore } from "@/lib/wallex/client/token-store";

/**
 * The scope's Wallex token in PostgreSQL (encrypted). `singleFlight` first joins a flight in this
 * process, then holds a lease in the database, so across all processes one caller authenticates
 * while the others wait and then read its token. No transaction stays open across the call to
 * Wallex. The store serves the scope's partner only: the client's tenant key must name it.
 */
export function createPgTokenStore(db: Database, scope: TenantScope): TokenStore {
  const local = createMemoryTokenStore();
  const own = (tenant: string) => {
    if (tenant !== scope.partnerId) throw new Error("token store asked for another partner than its scope");
  };
  return {
    async get(tenant) {
      own(tenant);
      const row = await getWallexToken(db, scope);
      if (!row) return undefined;
      return { token: decryptSecret(row.token), issuedAt: row.issuedAt.getTime(), expiresAt: row.expiresAt.getTime() };
    },
    async set(tenant, token) {
      own(tenant);
      await saveWallexToken(db, scope, {
        token: encryptSecret(token.token),
        issuedAt: new Date(token.issuedAt),
        expiresAt: new Date(token.expiresAt),
      });
    },
    async invalidate(tenant, token) {
      own(tenant);
      if (token === undefined) return deleteWallexToken(db, scope);
      const stored = await this.get(tenant);
      // Delete only the row we read: a token written meanwhile by another process survives.
      if (stored?.token === token) await deleteWallexToken(db, scope, new Date(stored.issuedAt));
    },
    singleFlight(tenant, fn) {
      own(tenant);
      return local.singleFlight(tenant, () => withLease(db, `wallex-token:${tenant}`, fn));
    },
  };
}
