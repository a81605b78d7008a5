import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { partners, wallexConnections, wallexTokens, type WallexConnection } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/** A connection as saved: everything but the partner, the webhook and the timestamps. */
export type ConnectionValues = Omit<
  WallexConnection,
  "partnerId" | "webhookSecret" | "webhookRegisteredAt" | "createdAt" | "updatedAt"
>;
export type WebhookRegistration = { webhookSecret: string | null; webhookRegisteredAt: Date | null };

/** The connection as the browser may see it: never the secrets, only their last four characters. */
export async function getWallexConnectionView(db: Executor, scope: TenantScope) {
  const [row] = await db
    .select({
      baseUrl: wallexConnections.baseUrl,
      kind: wallexConnections.kind,
      requestsPerSecond: wallexConnections.requestsPerSecond,
      apiKeyLast4: wallexConnections.apiKeyLast4,
      accessKeyIdLast4: wallexConnections.accessKeyIdLast4,
      secretAccessKeyLast4: wallexConnections.secretAccessKeyLast4,
      updatedAt: wallexConnections.updatedAt,
      webhookRegisteredAt: wallexConnections.webhookRegisteredAt,
    })
    .from(wallexConnections)
    .where(scopeWhere(wallexConnections, scope))
    .limit(1);
  return row ?? null;
}

export async function getWallexConnectionRow(db: Executor, scope: TenantScope) {
  const [row] = await db.select().from(wallexConnections).where(scopeWhere(wallexConnections, scope)).limit(1);
  return row ?? null;
}

/**
 * Writes the partner's connection (new or replaced) in one statement, with the webhook fields when
 * given, and drops its cached Wallex tokens: one issued for the old credentials or host is never reused.
 */
export async function saveWallexConnectionRow(
  db: Executor,
  scope: TenantScope,
  values: ConnectionValues & Partial<WebhookRegistration>,
) {
  const set = { ...values, updatedAt: new Date() };
  await db
    .insert(wallexConnections)
    .values({ ...set, partnerId: scope.partnerId })
    .onConflictDoUpdate({ target: wallexConnections.partnerId, set });
  await db.delete(wallexTokens).where(scopeWhere(wallexTokens, scope));
}

/** Stores a newly registered webhook secret (encrypted by the caller); false if the partner has no connection. */
export async function saveWebhookRegistration(db: Executor, scope: TenantScope, registration: WebhookRegistration) {
  const rows = await db
    .update(wallexConnections)
    .set(registration)
    .where(scopeWhere(wallexConnections, scope))
    .returning({ partnerId: wallexConnections.partnerId });
  return rows.length > 0;
}

/** Points an embedded-sandbox connection at the sandbox's current address; true if it was elsewhere. */
export async function moveEmbeddedSandboxAddress(db: Executor, scope: TenantScope, baseUrl: string) {
  const moved = await db
    .update(wallexConnections)
    .set({ baseUrl, secretsOrigin: new URL(baseUrl).origin })
    .where(
      and(
        scopeWhere(wallexConnections, scope),
        eq(wallexConnections.kind, "embedded_sandbox"),
        ne(wallexConnections.baseUrl, baseUrl),
      ),
    )
    .returning({ partnerId: wallexConnections.partnerId });
  return moved.length > 0;
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
  const row = await getWallexConnectionRow(db, scope);
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
