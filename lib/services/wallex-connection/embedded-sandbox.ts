import "server-only";
import type { Database } from "@/db";
import type { WallexConnection } from "@/db/schema";
import { auditedFor } from "@/lib/audit/audited";
import type { JobScope } from "@/lib/auth/tenant-scope";
import { encryptSecret, last4 } from "@/lib/crypto";
import { moveEmbeddedSandboxAddress } from "@/lib/data/wallex-connections";
import { embeddedSandboxEnabled, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { embeddedSandboxBaseUrl, namesEmbeddedSandbox } from "@/lib/wallex/demo";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { SECRET_NAMES, type ConnectionPlan } from "./credentials";
import { registerWebhook } from "./webhook";

// The simulator is loaded only when a tenant uses it: the Settings page and its actions import
// this module, and must not load the whole sandbox for it.
const embeddedSandbox = async () => (await import("@/lib/wallex/embedded-sandbox")).getEmbeddedSandbox();

/**
 * A sandbox identity of the partner's own: the sandbox generates its API key, access key id and
 * secret (again on every call, which re-issues them), stored encrypted like any Wallex credentials.
 * With `keepIdentity`, a working identity is kept and only the address and rate are rewritten.
 */
export async function planEmbeddedSandbox(
  partner: { id: string; name: string },
  current: WallexConnection | null,
  opts: { requestsPerSecond?: number; keepIdentity: boolean },
): Promise<ConnectionPlan> {
  if (!embeddedSandboxEnabled()) {
    throw new AppError("CONFLICT", { userMessage: "This deployment does not serve the embedded sandbox." });
  }
  const baseUrl = embeddedSandboxBaseUrl(env().APP_URL);
  const requestsPerSecond = opts.requestsPerSecond ?? current?.requestsPerSecond ?? 5;
  const address = {
    baseUrl,
    kind: "embedded_sandbox" as const,
    secretsOrigin: new URL(baseUrl).origin,
    requestsPerSecond,
  };
  const after = { baseUrl, kind: address.kind, requestsPerSecond };
  if (opts.keepIdentity && current?.kind === "embedded_sandbox" && (await hasEmbeddedSandboxIdentity(partner.id))) {
    const { apiKey, apiKeyLast4, accessKeyId, accessKeyIdLast4, secretAccessKey, secretAccessKeyLast4 } = current;
    const secrets = { apiKey, apiKeyLast4, accessKeyId, accessKeyIdLast4, secretAccessKey, secretAccessKeyLast4 };
    return { values: { ...address, ...secrets }, after: { ...after, credentialsChanged: [] }, newIdentity: false };
  }
  const { DEMO_PARTNER } = await import("@/lib/wallex/sandbox");
  const credentials = await (
    await embeddedSandbox()
  ).control.provisionPartner({
    id: partner.id,
    name: partner.name,
    features: DEMO_PARTNER.features,
  });
  const secrets = {
    apiKey: encryptSecret(credentials.apiKey),
    accessKeyId: encryptSecret(credentials.accessKeyId),
    secretAccessKey: encryptSecret(credentials.secretAccessKey),
    apiKeyLast4: last4(credentials.apiKey),
    accessKeyIdLast4: last4(credentials.accessKeyId),
    secretAccessKeyLast4: last4(credentials.secretAccessKey),
  };
  return {
    values: { ...address, ...secrets },
    after: { ...after, credentialsChanged: [...SECRET_NAMES] },
    newIdentity: true,
  };
}

/** Whether the embedded sandbox still knows this partner (its store may have been wiped). */
export async function hasEmbeddedSandboxIdentity(partnerId: string) {
  return (await embeddedSandbox()).control.partners().some((p) => p.id === partnerId);
}

/**
 * The embedded sandbox is chosen by its address where this deployment serves it now (however the
 * loopback host is spelt), or by the address shown for a tenant already on it: the row's kind is
 * the marker, its stored address may be from an older APP_URL, and re-saving the form keeps it.
 */
export function meansEmbeddedSandbox(baseUrl: string, current: WallexConnection | null) {
  if (!embeddedSandboxEnabled()) return false;
  if (namesEmbeddedSandbox(baseUrl, env().APP_URL)) return true;
  return current?.kind === "embedded_sandbox" && namesEmbeddedSandbox(baseUrl, current.baseUrl);
}

/**
 * After APP_URL (or PORT) changed: the tenant's shown address becomes the sandbox's current one,
 * and a registered webhook is pointed at the current receiver (the sandbox sends only there).
 * Says whether anything changed.
 */
export async function followAppUrl(db: Database, scope: JobScope, opts: { webhookRegistered: boolean }) {
  const moved = await moveEmbeddedSandboxAddress(db, scope, embeddedSandboxBaseUrl(env().APP_URL));
  if (!opts.webhookRegistered) return moved;
  const client = await wallexClientFor(db, scope);
  const subscription = await client.webhooks.retrieve().catch(() => null);
  if (subscription?.url === webhookUrlFor(scope.partnerId)) return moved;
  await registerWebhook(db, scope, auditedFor(db, scope, "settings.webhook_registered"));
  return true;
}
