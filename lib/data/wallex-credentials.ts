import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { partners, wallexConnections, wallexTokens } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/** The partner's connection with its (encrypted) credentials, for the one client factory. */
export async function getWallexCredentials(db: Executor, scope: TenantScope) {
  const [row] = await db.select().from(wallexConnections).where(scopeWhere(wallexConnections, scope)).limit(1);
  return row;
}

/** The (encrypted) API key of the partner's embedded sandbox identity; undefined when it uses Wallex. */
export async function getEmbeddedSandboxApiKey(db: Executor, scope: TenantScope) {
  const [row] = await db
    .select({ apiKey: wallexConnections.apiKey })
    .from(wallexConnections)
    .where(and(scopeWhere(wallexConnections, scope), eq(wallexConnections.kind, "embedded_sandbox")))
    .limit(1);
  return row?.apiKey;
}

/** Global by design: the partners scheduled jobs (reconcile) mint a JobScope for. Ids only. */
export async function listConnectedPartnerIds(db: Executor) {
  const rows = await db.select({ partnerId: wallexConnections.partnerId }).from(wallexConnections);
  return rows.map((r) => r.partnerId);
}

/**
 * Global by design: the partners on the embedded sandbox, for the launcher that restores their
 * identities before anything else runs. Names and slugs, no credentials.
 */
export async function listEmbeddedSandboxPartners(db: Executor) {
  return db
    .select({
      id: partners.id,
      name: partners.name,
      slug: partners.slug,
      webhookRegisteredAt: wallexConnections.webhookRegisteredAt,
    })
    .from(wallexConnections)
    .innerJoin(partners, eq(partners.id, wallexConnections.partnerId))
    .where(eq(wallexConnections.kind, "embedded_sandbox"));
}

/** Replaces the partner's encrypted credentials by the same values under another key. */
export async function rewrapWallexCredentials(
  db: Executor,
  scope: TenantScope,
  rewrap: (ciphertext: string) => string,
) {
  const row = await getWallexCredentials(db, scope);
  if (!row) return false;
  await db
    .update(wallexConnections)
    .set({
      apiKey: rewrap(row.apiKey),
      accessKeyId: rewrap(row.accessKeyId),
      secretAccessKey: rewrap(row.secretAccessKey),
    })
    .where(scopeWhere(wallexConnections, scope));
  // The cached session token is cheaper to fetch again than to re-encrypt.
  await db.delete(wallexTokens).where(scopeWhere(wallexTokens, scope));
  return true;
}
