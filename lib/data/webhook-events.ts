import "server-only";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { webhookEvents } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/scope";
import type { WebhookFilters } from "@/lib/validations/webhook-events";

export const WEBHOOK_PAGE_SIZE = 50;

export async function listWebhookEvents(db: Executor, scope: StaffScope, filters: WebhookFilters) {
  const where = and(
    scopeWhere(webhookEvents, scope),
    filters.resource ? eq(webhookEvents.resource, filters.resource) : undefined,
    filters.outcome ? eq(webhookEvents.outcome, filters.outcome) : undefined,
    filters.resourceId ? eq(webhookEvents.resourceId, filters.resourceId) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(webhookEvents)
      .where(where)
      .orderBy(desc(webhookEvents.receivedAt))
      .limit(WEBHOOK_PAGE_SIZE)
      .offset((filters.page - 1) * WEBHOOK_PAGE_SIZE),
    db.select({ total: sql<number>`count(*)::int` }).from(webhookEvents).where(where),
  ]);
  return { rows, total };
}

export async function listWebhookResources(db: Executor, scope: StaffScope) {
  const rows = await db
    .selectDistinct({ resource: webhookEvents.resource })
    .from(webhookEvents)
    .where(and(scopeWhere(webhookEvents, scope), isNotNull(webhookEvents.resource)))
    .orderBy(asc(webhookEvents.resource));
  return rows.map((r) => r.resource!);
}
