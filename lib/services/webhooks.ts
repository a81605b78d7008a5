import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { wallexConnections } from "@/db/schema";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { encryptSecret } from "@/lib/crypto";
import { WEBHOOK_SECRET_HEADER, webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { forgetWebhookSecret } from "@/lib/wallex/inbox/receive";
import { wallexClientFor } from "@/lib/wallex/partner-client";

/** Points the partner's one Wallex subscription at us with a fresh secret (also how the secret is rotated). */
export async function registerWebhook(db: Database, scope: TenantScope) {
  const secret = randomBytes(32).toString("base64url");
  const url = webhookUrlFor(scope.partnerId);
  const client = await wallexClientFor(db, scope);
  await client.webhooks.update({ body: { url, headers: { [WEBHOOK_SECRET_HEADER]: secret } } });
  const registeredAt = new Date();
  forgetWebhookSecret(scope.partnerId);
  await db
    .update(wallexConnections)
    .set({ webhookSecret: encryptSecret(secret), webhookRegisteredAt: registeredAt })
    .where(eq(wallexConnections.partnerId, scope.partnerId));
  return { url, registeredAt };
}
