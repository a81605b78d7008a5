import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Executor } from "@/db";
import { mintWebhookScope } from "@/lib/auth/tenant-scope";
import { trustedClientIp } from "@/lib/client-ip";
import { decryptSecret } from "@/lib/crypto";
import { findWebhookSecret, storeRefusedDelivery, storeWebhookDelivery } from "@/lib/data/webhook-intake";
import { logger } from "@/lib/logger";
import { bodyText, MAX_WEBHOOK_BODY_BYTES, pgSafeJson, readCappedBody, type CappedBody } from "./body";
import { WEBHOOK_SECRET_HEADER } from "./intake-address";
import { admitRejectedDelivery } from "./rejection-throttle";

const notification = z.looseObject({
  resource: z.string().max(100),
  resourceId: z.string().max(200),
  status: z.string().max(100),
  accountId: z.string().max(200).nullish(),
});

export type WebhookReceipt = { status: 200 | 400 | 401 | 404 | 413 | 429; eventId?: string };

/**
 * One delivery: the partner and the secret header are checked before a byte of the body is read.
 * An authentic body (at most MAX_WEBHOOK_BODY_BYTES) is stored whatever its bytes: raw, plus a
 * sanitised text and JSON copy; processing happens later (lib/wallex/inbox/drain.ts). A forged
 * one leaves only time, size, hash and source, and past REJECTED_DELIVERIES_PER_MINUTE nothing.
 */
export async function receiveWebhook(db: Executor, partnerId: string, request: Request): Promise<WebhookReceipt> {
  if (!z.uuid().safeParse(partnerId).success) return { status: 404 };
  const given = request.headers.get(WEBHOOK_SECRET_HEADER);
  let expected = await webhookSecretOf(db, partnerId);
  // A miss may only mean our cached copy is stale (the secret rotated on another instance).
  if (expected?.cached && !sameSecret(given, expected.secret))
    expected = await webhookSecretOf(db, partnerId, { fresh: true });
  if (!expected) return { status: 404 };
  const sourceIp = trustedClientIp(request.headers);

  if (!sameSecret(given, expected.secret)) {
    if (!(await admitRejectedDelivery(db, partnerId))) {
      logger.warn({ partnerId, sourceIp }, "webhook delivery refused: too many rejected deliveries");
      return { status: 429 };
    }
    const body = await readCappedBody(request);
    return reject(db, partnerId, body, sourceIp, 401, "secret header missing or wrong");
  }

  // Only now, with the secret matched, may anything act for the partner.
  const scope = mintWebhookScope(partnerId);
  const body = await readCappedBody(request);
  if (body.tooLarge)
    return reject(db, partnerId, body, sourceIp, 413, `body over the ${MAX_WEBHOOK_BODY_BYTES / 1024} KiB limit`);
  const text = bodyText(body.bytes);
  const parsed = notification.safeParse(pgSafeJson(safeJson(text)));
  const event = await storeWebhookDelivery(db, scope, {
    rawBody: text,
    body: body.bytes,
    bodySize: body.size,
    bodySha256: body.sha256,
    sourceIp,
    payload: parsed.success ? parsed.data : null,
    resource: parsed.data?.resource ?? null,
    resourceId: parsed.data?.resourceId ?? null,
    status: parsed.data?.status ?? null,
    accountId: parsed.data?.accountId ?? null,
    outcome: parsed.success ? "received" : "rejected",
    error: parsed.success ? null : "body is not a Wallex notification",
  });
  const status = parsed.success ? 200 : 400;
  logger.info(
    { partnerId, eventId: event.id, status, size: body.size, sourceIp, resource: parsed.data?.resource },
    "webhook delivery",
  );
  return { status, eventId: event.id };
}

/** A small record of a delivery we refused, never its body. */
async function reject(
  db: Executor,
  partnerId: string,
  body: CappedBody,
  sourceIp: string | null,
  status: 401 | 413,
  error: string,
): Promise<WebhookReceipt> {
  const event = await storeRefusedDelivery(db, partnerId, {
    error,
    bodySize: body.size,
    bodySha256: body.sha256,
    sourceIp,
  });
  logger.warn({ partnerId, eventId: event.id, status, size: body.size, sourceIp }, "webhook delivery rejected");
  return { status, eventId: event.id };
}

/**
 * Each partner's webhook secret, decrypted, kept for a minute: the intake path then costs one
 * insert. Only a cache; a stale entry is re-read before any delivery is refused.
 */
const secretCache = new Map<string, { secret: string | null; until: number }>();
const SECRET_TTL_MS = 60_000;

/** After a rotation in this process (other processes re-read on their first miss). */
export function forgetWebhookSecret(partnerId: string) {
  secretCache.delete(partnerId);
}

async function webhookSecretOf(db: Executor, partnerId: string, opts = { fresh: false }) {
  const hit = secretCache.get(partnerId);
  if (hit && !opts.fresh && hit.until > Date.now()) return { secret: hit.secret, cached: true };
  const connection = await findWebhookSecret(db, partnerId);
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
