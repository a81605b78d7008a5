import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import type { Audited } from "@/lib/audit/audited";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { encryptSecret } from "@/lib/crypto";
import { getWallexConnectionRow, saveWebhookRegistration } from "@/lib/data/wallex-connections";
import { AppError } from "@/lib/errors";
import type { WallexClient } from "@/lib/wallex/client";
import { WEBHOOK_SECRET_HEADER } from "@/lib/wallex/inbox/intake-address";
import { forgetWebhookSecret } from "@/lib/wallex/inbox/receive";
import { wallexClientForConnection } from "@/lib/wallex/partner-client";
import { webhookUrlFor } from "@/lib/wallex/inbox/intake-address";

export const connectionTarget = (scope: TenantScope) => ({ type: "wallex_connection", id: scope.partnerId });

/** Points the partner's one Wallex subscription at us with a fresh secret; the caller stores the secret. */
export async function pointWebhookAtUs(client: WallexClient, partnerId: string) {
  const secret = randomBytes(32).toString("base64url");
  const url = webhookUrlFor(partnerId);
  await client.webhooks.update({ body: { url, headers: { [WEBHOOK_SECRET_HEADER]: secret } } });
  return { url, registration: { webhookSecret: encryptSecret(secret), webhookRegisteredAt: new Date() } };
}

/**
 * The first registration and every rotation (Settings → Webhook): the connection is read once,
 * Wallex is told, and the new secret is stored with its audit row in one short transaction.
 */
export async function registerWebhook(db: Database, scope: TenantScope, audited: Audited) {
  const connection = await getWallexConnectionRow(db, scope);
  if (!connection) {
    throw new AppError("CONFLICT", { userMessage: "Save the Wallex connection before registering the webhook." });
  }
  const { url, registration } = await pointWebhookAtUs(
    await wallexClientForConnection(db, scope, connection),
    scope.partnerId,
  );
  await audited((tx) => saveWebhookRegistration(tx, scope, registration), {
    action: "settings.webhook_registered",
    target: connectionTarget(scope),
    after: { url },
  });
  forgetWebhookSecret(scope.partnerId);
  return { url, registeredAt: registration.webhookRegisteredAt };
}
