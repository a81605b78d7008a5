import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { wallexConnections } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { encryptSecret } from "@/lib/crypto";
import { env } from "@/lib/env";
import { forgetWebhookSecret, WEBHOOK_SECRET_HEADER } from "@/lib/wallex/inbox/receive";
import { wallexClientFor } from "@/lib/wallex/partner-client";

export { WEBHOOK_SECRET_HEADER };

export function webhookUrlFor(partnerId: string) {
  return new URL(`/api/webhooks/wallex/${partnerId}`, env().APP_URL).toString();
}

/** Points the partner's one Wallex subscription at us with a fresh secret (also how the secret is rotated). */
export async function registerWebhook(db: Database, scope: Pick<StaffScope, "partnerId">) {
  const secret = randomBytes(32).toString("base64url");
  const url = webhookUrlFor(scope.partnerId);
  const client = await wallexClientFor(db, scope.partnerId);
  await client.webhooks.update({ body: { url, headers: { [WEBHOOK_SECRET_HEADER]: secret } } });
  const registeredAt = new Date();
  forgetWebhookSecret(scope.partnerId);
  await db
    .update(wallexConnections)
    .set({ webhookSecret: encryptSecret(secret), webhookRegisteredAt: registeredAt })
    .where(eq(wallexConnections.partnerId, scope.partnerId));
  return { url, registeredAt };
}
