import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db";
import { wallexConnections, webhookEvents } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { requeueWebhookEvent } from "@/lib/data/webhook-events";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { processWebhookEvent } from "@/lib/wallex/inbox/process-event";
import { wallexClientFor } from "@/lib/wallex/partner-client";

/** Wallex signs nothing: authenticity is this custom header, registered with Update Webhook. */
export const WEBHOOK_SECRET_HEADER = "x-partner-desk-secret";

export function webhookUrlFor(partnerId: string) {
  return new URL(`/api/webhooks/wallex/${partnerId}`, env().APP_URL).toString();
}

/** Points the partner's one Wallex subscription at us with a fresh secret (also how the secret is rotated). */
export async function registerWebhook(db: Database, scope: StaffScope) {
  const secret = randomBytes(32).toString("base64url");
  const url = webhookUrlFor(scope.partnerId);
  const client = await wallexClientFor(db, scope.partnerId);
  await client.webhooks.update({ body: { url, headers: { [WEBHOOK_SECRET_HEADER]: secret } } });
  const registeredAt = new Date();
  await db
    .update(wallexConnections)
    .set({ webhookSecret: encryptSecret(secret), webhookRegisteredAt: registeredAt })
    .where(eq(wallexConnections.partnerId, scope.partnerId));
  return { url, registeredAt };
}

const notification = z.looseObject({
  resource: z.string().max(100),
  resourceId: z.string().max(200),
  status: z.string().max(100),
  accountId: z.string().max(200).nullish(),
});

export type WebhookReceipt = { status: 200 | 400 | 401 | 404; eventId?: string };

/**
 * Checks the secret header in constant time and writes the delivery to the inbox before anything
 * else; processing happens later, in a job. Forged and malformed deliveries are kept as "rejected".
 */
export async function receiveWebhook(db: Executor, partnerId: string, headers: Headers, rawBody: string): Promise<WebhookReceipt> {
  if (!z.uuid().safeParse(partnerId).success) return { status: 404 };
  const [connection] = await db
    .select({ webhookSecret: wallexConnections.webhookSecret })
    .from(wallexConnections)
    .where(eq(wallexConnections.partnerId, partnerId))
    .limit(1);
  if (!connection) return { status: 404 };

  const body = rawBody.slice(0, 64 * 1024);
  const authentic = !!connection.webhookSecret && sameSecret(headers.get(WEBHOOK_SECRET_HEADER), decryptSecret(connection.webhookSecret));
  const parsed = authentic ? notification.safeParse(safeJson(body)) : undefined;
  const ok = authentic && parsed?.success;
  const [event] = await db
    .insert(webhookEvents)
    .values({
      partnerId,
      rawBody: body,
      payload: parsed?.success ? parsed.data : null,
      resource: parsed?.data?.resource ?? null,
      resourceId: parsed?.data?.resourceId ?? null,
      status: parsed?.data?.status ?? null,
      accountId: parsed?.data?.accountId ?? null,
      outcome: ok ? "received" : "rejected",
      error: !authentic ? "secret header missing or wrong" : ok ? null : "body is not a Wallex notification",
    })
    .returning({ id: webhookEvents.id });
  return { status: !authentic ? 401 : ok ? 200 : 400, eventId: event.id };
}

function sameSecret(given: string | null, expected: string) {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return given !== null && timingSafeEqual(digest(given), digest(expected));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Processes an event again now, re-reading its object even if the mirror looks current: for an
 * event that failed, or to check a resource by hand. Forged (rejected) events are never replayed.
 */
export async function replayWebhookEvent(db: Database, scope: StaffScope, eventId: string) {
  const event = await requeueWebhookEvent(db, scope, eventId);
  if (!event) throw notFound("Event");
  const { result } = await processWebhookEvent(db, event.id, { force: true });
  return { ...event, result };
}
