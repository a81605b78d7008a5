import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexConnections, wallexTokens, type WallexConnection } from "@/db/schema";
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
