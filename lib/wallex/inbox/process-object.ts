import "server-only";
import type { Database } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { getMirrorObjectState } from "@/lib/data/mirror-store";
import { failClaimedObject, finishClaimedObject, type ObjectClaim } from "@/lib/data/webhook-claims";
import { logger } from "@/lib/logger";
import type { WallexClient } from "../client";
import { WallexError, WallexNotFoundError } from "../client/errors";
import { refreshObject } from "../mirror/refresh";
import { resourceForWebhook } from "../mirror/read-map";

export type ObjectOutcome = {
  outcome: "processed" | "failed";
  result: string;
  /** Events finished with this result. */
  events: number;
  /** The member whose balances this changed (null: the partner's own account), to refresh once later. */
  moneyOf?: string | null;
  error?: unknown;
};

/**
 * Works one object's waiting events with at most one read: re-reads the object through the API
 * (the bodies are never trusted), writes the mirror and the timeline, and finishes every event of
 * it received before the read started. A duplicate or stale delivery finds the mirror already read
 * after it arrived and costs nothing. `force` (a replay) re-reads even when the mirror looks current.
 */
export async function processObject(
  db: Database,
  scope: TenantScope,
  client: () => Promise<WallexClient>,
  claim: ObjectClaim,
  { force = false } = {},
): Promise<ObjectOutcome> {
  const def = resourceForWebhook(claim.resource);
  const done = (result: string, coveredUntil: Date) => finish(db, scope, claim, result, coveredUntil);
  if (!def || !claim.resourceId) return done(`ignored: we do not mirror "${claim.resource}"`, new Date());

  const current = await getMirrorObjectState(db, scope, def.table, claim.resourceId);
  if (!force && current && current.readAt >= claim.lastReceivedAt) {
    return done(`already current: ${def.label} is ${current.status ?? "unchanged"}`, current.readAt);
  }

  const readStartedAt = new Date();
  try {
    const applied = await refreshObject(
      db,
      await client(),
      scope,
      def,
      { wallexId: claim.resourceId, accountId: claim.accountId },
      {
        source: "webhook",
        webhookEventId: claim.firstEventId,
      },
    );
    if (!applied.statusChanged)
      return done(`no change: ${def.label} is ${applied.status ?? "unchanged"}`, readStartedAt);
    const outcome = await done(`${def.label} ${applied.previousStatus ?? "new"} → ${applied.status}`, readStartedAt);
    return def.ownedByAccount ? { ...outcome, moneyOf: applied.accountId } : outcome;
  } catch (error) {
    // Wallex does not know it (or not for that account): nothing to mirror, nothing to retry.
    if (error instanceof WallexNotFoundError) return done(`ignored: Wallex has no such ${def.label}`, readStartedAt);
    const message = error instanceof WallexError ? `${error.userMessage} (${error.message})` : "internal error";
    await failClaimedObject(db, scope, claim, message);
    logger.warn(
      { err: error, partnerId: claim.partnerId, resource: claim.resource, events: claim.eventIds.length },
      "webhook events failed",
    );
    return { outcome: "failed", result: message, events: 0, error };
  }
}

async function finish(
  db: Database,
  scope: TenantScope,
  claim: ObjectClaim,
  result: string,
  coveredUntil: Date,
): Promise<ObjectOutcome> {
  const events = await finishClaimedObject(db, scope, claim, result, coveredUntil);
  return { outcome: "processed", result, events };
}
