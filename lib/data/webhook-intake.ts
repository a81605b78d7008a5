import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexConnections, webhookEvents } from "@/db/schema";
import { scopeWhere, type TenantScope, type WebhookScope } from "@/lib/auth/tenant-scope";

type StoredDelivery = Pick<
  typeof webhookEvents.$inferInsert,
  | "rawBody"
  | "body"
  | "bodySize"
  | "bodySha256"
  | "sourceIp"
  | "payload"
  | "resource"
  | "resourceId"
  | "status"
  | "accountId"
  | "outcome"
  | "error"
>;

/**
 * Not tenant data read under a scope: this is the look-up that decides whether a delivery may get
 * a WebhookScope at all. The stored (encrypted) secret of the partner's connection; undefined when
 * the partner has no connection.
 */
export async function findWebhookSecret(db: Executor, partnerId: string) {
  const [connection] = await db
    .select({ webhookSecret: wallexConnections.webhookSecret })
    .from(wallexConnections)
    .where(eq(wallexConnections.partnerId, partnerId))
    .limit(1);
  return connection;
}

/** An authentic delivery, whatever its body: received for processing, or rejected as no notification. */
export async function storeWebhookDelivery(db: Executor, scope: WebhookScope, delivery: StoredDelivery) {
  const [event] = await db
    .insert(webhookEvents)
    .values({ ...delivery, partnerId: scope.partnerId })
    .returning({ id: webhookEvents.id });
  return event;
}

/**
 * Not under a scope by design: a forged or oversize delivery proves nothing, yet the partner it
 * names should see it on its Webhooks page. Only its time, size, hash and source are kept.
 */
export async function storeRefusedDelivery(
  db: Executor,
  partnerId: string,
  refused: { error: string; bodySize: number; bodySha256: string | null; sourceIp: string | null },
) {
  const [event] = await db
    .insert(webhookEvents)
    .values({ ...refused, partnerId, outcome: "rejected" })
    .returning({ id: webhookEvents.id });
  return event;
}

/** Deletes the partner's rejected deliveries received before `cutoff`; accepted events are never purged here. */
export async function purgeRejectedWebhookEvents(db: Executor, scope: TenantScope, cutoff: Date) {
  const purged = await db
    .delete(webhookEvents)
    .where(
      and(
        scopeWhere(webhookEvents, scope),
        eq(webhookEvents.outcome, "rejected"),
        lt(webhookEvents.receivedAt, cutoff),
      ),
    )
    .returning({ id: webhookEvents.id });
  return purged.length;
}

/**
 * Global by design: the partners the purge job mints a JobScope for (ids only, never an event),
 * those with rejected deliveries received before `cutoff`.
 */
export async function listPartnersWithRejectedEventsBefore(db: Executor, cutoff: Date) {
  const rows = await db
    .selectDistinct({ partnerId: webhookEvents.partnerId })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.outcome, "rejected"), lt(webhookEvents.receivedAt, cutoff)));
  return rows.map((r) => r.partnerId);
}
