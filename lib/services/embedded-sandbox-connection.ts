import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexConnections, wallexTokens } from "@/db/schema";
import { encryptSecret, last4 } from "@/lib/crypto";
import type { Database } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { embeddedSandboxEnabled, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { embeddedSandboxBaseUrl } from "@/lib/wallex/demo";
import { getEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { DEMO_PARTNER } from "@/lib/wallex/sandbox";
import { registerWebhook } from "./webhooks";

/**
 * Points a partner at the embedded sandbox with a sandbox identity of its own: the sandbox
 * generates its API key, access key id and secret (again on every call, which re-issues them),
 * and they are stored encrypted like any Wallex credentials. Its webhook must be registered anew.
 */
export async function connectToEmbeddedSandbox(
  db: Executor,
  partner: { id: string; name: string },
  opts: { requestsPerSecond?: number } = {},
) {
  if (!embeddedSandboxEnabled()) {
    throw new AppError("CONFLICT", { userMessage: "This deployment does not serve the embedded sandbox." });
  }
  const sandbox = await getEmbeddedSandbox();
  const credentials = await sandbox.control.provisionPartner({
    id: partner.id,
    name: partner.name,
    features: DEMO_PARTNER.features,
  });
  const baseUrl = embeddedSandboxBaseUrl(env().APP_URL);
  const [current] = await db
    .select({ requestsPerSecond: wallexConnections.requestsPerSecond })
    .from(wallexConnections)
    .where(eq(wallexConnections.partnerId, partner.id));
  const values = {
    baseUrl,
    kind: "embedded_sandbox" as const,
    secretsOrigin: new URL(baseUrl).origin,
    requestsPerSecond: opts.requestsPerSecond ?? current?.requestsPerSecond ?? 5,
    apiKey: encryptSecret(credentials.apiKey),
    accessKeyId: encryptSecret(credentials.accessKeyId),
    secretAccessKey: encryptSecret(credentials.secretAccessKey),
    apiKeyLast4: last4(credentials.apiKey),
    accessKeyIdLast4: last4(credentials.accessKeyId),
    secretAccessKeyLast4: last4(credentials.secretAccessKey),
    webhookSecret: null,
    webhookRegisteredAt: null,
  };
  await db
    .insert(wallexConnections)
    .values({ partnerId: partner.id, ...values })
    .onConflictDoUpdate({ target: wallexConnections.partnerId, set: values });
  await db.delete(wallexTokens).where(eq(wallexTokens.partnerId, partner.id));
  return { baseUrl, requestsPerSecond: values.requestsPerSecond };
}

/** Whether the embedded sandbox still knows this partner (its store may have been wiped). */
export async function hasEmbeddedSandboxIdentity(partnerId: string) {
  const sandbox = await getEmbeddedSandbox();
  return sandbox.control.partners().some((p) => p.id === partnerId);
}

/**
 * After APP_URL (or PORT) changed: the tenant's shown address becomes the sandbox's current one,
 * and a registered webhook is pointed at the current receiver (the sandbox sends only there).
 * Says whether anything changed.
 */
export async function followAppUrl(db: Database, scope: TenantScope, opts: { webhookRegistered: boolean }) {
  const { partnerId } = scope;
  const baseUrl = embeddedSandboxBaseUrl(env().APP_URL);
  const moved = await db
    .update(wallexConnections)
    .set({ baseUrl, secretsOrigin: new URL(baseUrl).origin })
    .where(
      and(
        eq(wallexConnections.partnerId, partnerId),
        eq(wallexConnections.kind, "embedded_sandbox"),
        ne(wallexConnections.baseUrl, baseUrl),
      ),
    )
    .returning({ partnerId: wallexConnections.partnerId });
  if (!opts.webhookRegistered) return moved.length > 0;
  const client = await wallexClientFor(db, scope);
  const subscription = await client.webhooks.retrieve().catch(() => null);
  if (subscription?.url === webhookUrlFor(partnerId)) return moved.length > 0;
  await registerWebhook(db, scope);
  return true;
}
