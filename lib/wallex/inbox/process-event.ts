import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { webhookEvents, type WebhookEvent } from "@/db/schema";
import { logger } from "@/lib/logger";
import { WallexError, WallexNotFoundError } from "../client/errors";
import { wallexClientFor } from "../partner-client";
import { refreshAccountMoney } from "../mirror/money";
import { refreshObject } from "../mirror/refresh";
import { resourceForWebhook } from "../mirror/resources";

export type ProcessResult = { outcome: "processed" | "failed" | "skipped"; result: string };

/**
 * Works one inbox event: re-reads the object it names through the API (the body itself is never
 * trusted), writes the mirror and, on a status change, the timeline and the member's balances.
 * A duplicate or stale delivery finds the mirror already read after it arrived and costs nothing.
 */
export async function processWebhookEvent(db: Database, eventId: string, opts: { force?: boolean } = {}): Promise<ProcessResult> {
  const [event] = await db
    .update(webhookEvents)
    .set({ attempts: sql`${webhookEvents.attempts} + 1` })
    .where(and(eq(webhookEvents.id, eventId), inArray(webhookEvents.outcome, ["received", "failed"])))
    .returning();
  if (!event) return { outcome: "skipped", result: "already processed or rejected" };

  try {
    const result = await handle(db, event, opts.force ?? false);
    await finish(db, event.id, "processed", result);
    return { outcome: "processed", result };
  } catch (error) {
    const message = error instanceof WallexError ? `${error.userMessage} (${error.message})` : "internal error";
    await finish(db, event.id, "failed", message);
    logger.warn({ err: error, eventId }, "webhook event failed");
    throw error;
  }
}

/** `force` (a replay) re-reads even when the mirror looks current. */
async function handle(db: Database, event: WebhookEvent, force: boolean): Promise<string> {
  const def = resourceForWebhook(event.resource);
  if (!def || !event.resourceId) return `ignored: we do not mirror "${event.resource}"`;

  const [current] = await db
    .select({ readAt: def.table.readAt, status: def.table.status })
    .from(def.table)
    .where(and(eq(def.table.partnerId, event.partnerId), eq(def.table.wallexId, event.resourceId)))
    .limit(1);
  if (!force && current && current.readAt >= event.receivedAt) return `already current: ${def.label} is ${current.status ?? "unchanged"}`;

  const client = await wallexClientFor(db, event.partnerId);
  try {
    const applied = await refreshObject(db, client, event.partnerId, def, { wallexId: event.resourceId, accountId: event.accountId }, {
      source: "webhook",
      webhookEventId: event.id,
    });
    if (!applied.statusChanged) return `no change: ${def.label} is ${applied.status ?? "unchanged"}`;
    if (def.ownedByAccount) await refreshAccountMoney(db, client, event.partnerId, applied.accountId, "webhook");
    return `${def.label} ${applied.previousStatus ?? "new"} → ${applied.status}`;
  } catch (error) {
    // Wallex does not know it (or not for that account): nothing to mirror, nothing to retry.
    if (error instanceof WallexNotFoundError) return `ignored: Wallex has no such ${def.label}`;
    throw error;
  }
}

async function finish(db: Database, id: string, outcome: "processed" | "failed", result: string) {
  await db
    .update(webhookEvents)
    .set({ outcome, result, error: outcome === "failed" ? result : null, processedAt: new Date() })
    .where(eq(webhookEvents.id, id));
}

/** Events the queue never picked up (a crash between intake and enqueue): processed here, oldest first. */
export async function sweepInbox(db: Database, opts = { olderThanMs: 60_000, limit: 100 }) {
  const stale = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.outcome, "received"), lt(webhookEvents.receivedAt, new Date(Date.now() - opts.olderThanMs))))
    .orderBy(webhookEvents.receivedAt)
    .limit(opts.limit);
  let processed = 0;
  for (const { id } of stale) {
    try {
      await processWebhookEvent(db, id);
      processed++;
    } catch {
      // Recorded on the event; the next sweep or a replay tries again.
    }
  }
  return { stale: stale.length, processed };
}
