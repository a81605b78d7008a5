import "server-only";
import { and, asc, desc, eq, getTableColumns, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { webhookEvents } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/tenant-scope";
import type { WebhookFilters } from "@/lib/validations/webhook-events";
import { memberEmail } from "./mirror";

export const WEBHOOK_PAGE_SIZE = 50;

// The raw bytes stay in the database; the page shows the sanitised text.
const { body: _body, ...listed } = getTableColumns(webhookEvents);

export async function listWebhookEvents(db: Executor, scope: StaffScope, filters: WebhookFilters) {
  const where = and(
    scopeWhere(webhookEvents, scope),
    filters.resource ? eq(webhookEvents.resource, filters.resource) : undefined,
    filters.status ? eq(webhookEvents.status, filters.status) : undefined,
    filters.member ? eq(webhookEvents.accountId, filters.member) : undefined,
    filters.outcome ? eq(webhookEvents.outcome, filters.outcome) : undefined,
    filters.resourceId ? eq(webhookEvents.resourceId, filters.resourceId) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ event: listed, member: memberEmail(webhookEvents) })
      .from(webhookEvents)
      .where(where)
      .orderBy(desc(webhookEvents.receivedAt))
      .limit(WEBHOOK_PAGE_SIZE)
      .offset((filters.page - 1) * WEBHOOK_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(webhookEvents)
      .where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.event, member: r.member })), total };
}

/** The resources and statuses seen so far, for the filter menus. */
export async function listWebhookFacets(db: Executor, scope: StaffScope) {
  const distinct = async (column: typeof webhookEvents.resource | typeof webhookEvents.status) => {
    const rows = await db
      .selectDistinct({ value: column })
      .from(webhookEvents)
      .where(and(scopeWhere(webhookEvents, scope), isNotNull(column)))
      .orderBy(asc(column));
    return rows.map((r) => r.value!);
  };
  const [resources, statuses] = await Promise.all([distinct(webhookEvents.resource), distinct(webhookEvents.status)]);
  return { resources, statuses };
}

/** Puts a processed or failed event back in the queue; rejected (forged) ones never are. */
export async function requeueWebhookEvent(db: Executor, scope: StaffScope, eventId: string) {
  const [event] = await db
    .update(webhookEvents)
    .set({ outcome: "received", result: null, error: null, processedAt: null })
    .where(
      and(scopeWhere(webhookEvents, scope), eq(webhookEvents.id, eventId), sql`${webhookEvents.outcome} <> 'rejected'`),
    )
    .returning({ id: webhookEvents.id, resource: webhookEvents.resource, resourceId: webhookEvents.resourceId });
  return event;
}
