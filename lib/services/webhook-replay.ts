import "server-only";
import type { Database } from "@/db";
import type { StaffScope } from "@/lib/auth/scope";
import { requeueWebhookEvent } from "@/lib/data/webhook-events";
import { notFound } from "@/lib/errors";
import { processWebhookEvent } from "@/lib/wallex/inbox/process-event";

/**
 * Processes an event again now, re-reading its object even if the mirror looks current: for an
 * event that failed, or to check a resource by hand. Forged (rejected) events are never replayed.
 */
export async function replayWebhookEvent(db: Database, scope: StaffScope, eventId: string) {
  const event = await requeueWebhookEvent(db, scope, eventId);
  if (!event) throw notFound("Event");
  const { result } = await processWebhookEvent(db, scope, event.id, { force: true });
  return { ...event, result };
}
