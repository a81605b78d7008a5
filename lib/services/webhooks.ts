import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db";
import { wallexConnections, webhookEvents } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { env } from "@/lib/env";
import { wallexClientFor } from "@/lib/wallex/partner-client";

/** Wallex signs nothing: authenticity is this custom header, registered with Update Webhook. */
export const WEBHOOK_SECRET_HEADER = "x-partner-desk-secret";

export function webhookUrlFor(partnerId: string) {
  return new URL(`/api/webhooks/wallex/${partnerId}`, env().APP_URL).toString();
}

/**
 * Each partner's webhook secret, decrypted, kept for a minute: the intake path then costs one
 * insert. Only a cache; a stale entry is re-read before any delivery is refused.
 */
const secretCache = new Map<string, { secret: string | null; until: number }>();
const SECRET_TTL_MS = 60_000;

/** Points the partner's one Wallex subscription at us with a fresh secret (also how the secret is rotated). */
export async function registerWebhook(db: Database, scope: Pick<StaffScope, "partnerId">) {
  const secret = randomBytes(32).toString("base64url");
  const url = webhookUrlFor(scope.partnerId);
  const client = await wallexClientFor(db, scope.partnerId);
  await client.webhooks.update({ body: { url, headers: { [WEBHOOK_SECRET_HEADER]: secret } } });
  const registeredAt = new Date();
  secretCache.delete(scope.partnerId);
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
  const given = headers.get(WEBHOOK_SECRET_HEADER);
  let expected = await webhookSecretOf(db, partnerId);
  // A miss may only mean our cached copy is stale (the secret rotated on another instance).
  if (expected?.cached && !sameSecret(given, expected.secret)) expected = await webhookSecretOf(db, partnerId, { fresh: true });
  if (!expected) return { status: 404 };

  const body = rawBody.slice(0, 64 * 1024);
  const authentic = sameSecret(given, expected.secret);
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

async function webhookSecretOf(db: Executor, partnerId: string, opts = { fresh: false }) {
  const hit = secretCache.get(partnerId);
  if (hit && !opts.fresh && hit.until > Date.now()) return { secret: hit.secret, cached: true };
  const [connection] = await db
    .select({ webhookSecret: wallexConnections.webhookSecret })
    .from(wallexConnections)
    .where(eq(wallexConnections.partnerId, partnerId))
    .limit(1);
  if (!connection) {
    secretCache.delete(partnerId);
    return undefined;
  }
  const secret = connection.webhookSecret ? decryptSecret(connection.webhookSecret) : null;
  secretCache.set(partnerId, { secret, until: Date.now() + SECRET_TTL_MS });
  return { secret, cached: false };
}

function sameSecret(given: string | null, expected: string | null) {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return given !== null && expected !== null && timingSafeEqual(digest(given), digest(expected));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

