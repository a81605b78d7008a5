import "server-only";
import type { Database } from "@/db";
import type { WallexConnection } from "@/db/schema";
import type { Audited, AuditNote } from "@/lib/audit/audited";
import type { StaffScope, TenantScope } from "@/lib/auth/tenant-scope";
import { getWallexConnectionRow, saveWallexConnectionRow } from "@/lib/data/wallex-connections";
import { logger } from "@/lib/logger";
import { WallexError } from "@/lib/wallex/client/errors";
import { createMemoryTokenStore } from "@/lib/wallex/client/token-store";
import { forgetWebhookSecret } from "@/lib/wallex/inbox/receive";
import { wallexClientForConnection } from "@/lib/wallex/partner-client";
import { planWallexCredentials, type ConnectionInput, type ConnectionPlan } from "./credentials";
import { meansEmbeddedSandbox, planEmbeddedSandbox } from "./embedded-sandbox";
import { connectionTarget, pointWebhookAtUs } from "./webhook";

export { NEW_HOST_NEEDS_SECRETS, type ConnectionInput } from "./credentials";

/** `webhookError` says why Wallex was not told about our webhook (the connection is saved either way). */
export type SaveOutcome = { webhookError: string | null };
type Options = { registerWebhook?: boolean };

/**
 * Settings → Wallex connection. The embedded sandbox's address (where this deployment serves it)
 * gives the partner a sandbox identity of its own instead of the typed credentials.
 */
export async function saveWallexConnection(
  db: Database,
  scope: StaffScope,
  input: ConnectionInput,
  audited: Audited,
  opts: Options = {},
): Promise<SaveOutcome> {
  const current = await getWallexConnectionRow(db, scope);
  const plan = meansEmbeddedSandbox(input.baseUrl, current)
    ? await planEmbeddedSandbox({ id: scope.partnerId, name: scope.partnerName }, current, {
        requestsPerSecond: input.requestsPerSecond,
        keepIdentity: true,
      })
    : await planWallexCredentials(current, input);
  return store(db, scope, current, plan, audited, opts);
}

/** "Use the embedded sandbox" (and start-up, seeding): a new sandbox identity every time. */
export async function connectEmbeddedSandbox(
  db: Database,
  scope: TenantScope,
  partnerName: string,
  audited: Audited,
  opts: Options = {},
): Promise<SaveOutcome> {
  const current = await getWallexConnectionRow(db, scope);
  const plan = await planEmbeddedSandbox({ id: scope.partnerId, name: partnerName }, current, { keepIdentity: false });
  return store(db, scope, current, plan, audited, opts);
}

/**
 * The connection row is read once (by the caller) and written once: Wallex is told about our
 * webhook first, with a client for the connection about to be stored, and the row, the webhook
 * secret and both audit rows then commit together. No transaction is open during the Wallex call;
 * if it fails the connection is saved all the same (the Webhook card can register again).
 */
async function store(
  db: Database,
  scope: TenantScope,
  current: WallexConnection | null,
  plan: ConnectionPlan,
  audited: Audited,
  { registerWebhook = true }: Options,
): Promise<SaveOutcome> {
  const before = current
    ? { baseUrl: current.baseUrl, kind: current.kind, requestsPerSecond: current.requestsPerSecond }
    : null;
  const webhook = registerWebhook ? await tryPointWebhookAtUs(db, scope, plan) : null;
  const cleared = plan.newIdentity ? { webhookSecret: null, webhookRegisteredAt: null } : {};
  const notes: AuditNote[] = [{ target: connectionTarget(scope), before, after: plan.after }];
  if (webhook && "url" in webhook) {
    notes.push({ action: "settings.webhook_registered", target: connectionTarget(scope), after: { url: webhook.url } });
  }
  await audited(
    (tx) =>
      saveWallexConnectionRow(tx, scope, {
        ...plan.values,
        ...cleared,
        ...(webhook && "url" in webhook ? webhook.registration : {}),
      }),
    notes,
  );
  forgetWebhookSecret(scope.partnerId);
  return { webhookError: webhook && "error" in webhook ? webhook.error : null };
}

async function tryPointWebhookAtUs(db: Database, scope: TenantScope, plan: ConnectionPlan) {
  try {
    // A token for credentials not stored yet stays in this call (the stored ones are dropped on save).
    const client = await wallexClientForConnection(db, scope, plan.values, { tokenStore: createMemoryTokenStore() });
    return await pointWebhookAtUs(client, scope.partnerId);
  } catch (error) {
    logger.warn({ err: error, partnerId: scope.partnerId }, "webhook registration after a connection change failed");
    const unreachable = plan.values.kind === "embedded_sandbox" ? "The sandbox" : "Wallex";
    return { error: error instanceof WallexError ? error.userMessage : `${unreachable} could not be reached.` };
  }
}
