import "server-only";
import type { Database } from "@/db";
import { refreshAccountMoney } from "../mirror/refresh-balances";
import { wallexClientFor } from "../partner-client";
import { claimEvent } from "./claim";
import { drainInbox } from "./drain";
import { partnersBeingDrained } from "./drainer";
import { processObject } from "./process-object";

export type ProcessResult = { outcome: "processed" | "failed" | "skipped"; result: string };

/**
 * Works one inbox event now (a replay, or events taken one by one): like the drain, one read
 * answers every waiting event of the same object, and a status change re-reads the member's
 * balances. Throws what Wallex threw once the failure is recorded on the event.
 */
export async function processWebhookEvent(
  db: Database,
  eventId: string,
  opts: { force?: boolean } = {},
): Promise<ProcessResult> {
  const claim = await claimEvent(db, eventId);
  if (!claim) return { outcome: "skipped", result: "already processed or rejected" };
  const client = () => wallexClientFor(db, claim.partnerId);
  const outcome = await processObject(db, client, claim, opts);
  if (outcome.outcome === "failed") throw outcome.error;
  if (outcome.moneyOf !== undefined)
    await refreshAccountMoney(db, await client(), claim.partnerId, outcome.moneyOf, "webhook");
  return { outcome: "processed", result: outcome.result };
}

/**
 * The safety net behind the drainer (lib/wallex/inbox/drainer.ts): events waiting longer than
 * `olderThanMs`, drained per partner in parallel lanes like the drainer does. Partners the
 * drainer of this process is working on are left to it (two lanes would only share its rate).
 */
export async function sweepInbox(
  db: Database,
  opts: { olderThanMs?: number; budgetMs?: number; partnerIds?: string[] } = {},
) {
  const { olderThanMs = 60_000, budgetMs = 45_000, partnerIds } = opts;
  const result = await drainInbox(db, { olderThanMs, budgetMs, partnerIds, exceptPartnerIds: partnersBeingDrained() });
  return { ...result, processed: result.events };
}
