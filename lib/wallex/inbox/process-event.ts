import "server-only";
import type { Database } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { claimWebhookEvent } from "@/lib/data/webhook-claims";
import { refreshAccountMoney } from "../mirror/refresh-balances";
import { wallexClientFor } from "../partner-client";
import { drainInbox } from "./drain";
import { processObject } from "./process-object";
import { partnersBeingDrained } from "./wake";

export type ProcessResult = { outcome: "processed" | "failed" | "skipped"; result: string };

/**
 * Works one of the partner's inbox events now (a replay, or events taken one by one): like the
 * drain, one read answers every waiting event of the same object, and a status change re-reads
 * the member's balances. Throws what Wallex threw once the failure is recorded on the event.
 */
export async function processWebhookEvent(
  db: Database,
  scope: TenantScope,
  eventId: string,
  opts: { force?: boolean } = {},
): Promise<ProcessResult> {
  const claim = await claimWebhookEvent(db, scope, eventId);
  if (!claim) return { outcome: "skipped", result: "already processed or rejected" };
  const client = () => wallexClientFor(db, scope);
  const outcome = await processObject(db, scope, client, claim, opts);
  if (outcome.outcome === "failed") throw outcome.error;
  if (outcome.moneyOf !== undefined) await refreshAccountMoney(db, await client(), scope, outcome.moneyOf, "webhook");
  return { outcome: "processed", result: outcome.result };
}

/**
 * The safety net behind the drainer (lib/wallex/inbox/drainer.ts): events waiting longer than
 * `olderThanMs`, drained per partner in parallel lanes like the drainer does (only `scope`'s
 * partner when given: a test's own, in the database the tests share). Partners the drainer of
 * this process is working on are left to it (two lanes would only share its rate).
 */
export async function sweepInbox(
  db: Database,
  opts: { olderThanMs?: number; budgetMs?: number; scope?: TenantScope } = {},
) {
  const { olderThanMs = 60_000, budgetMs = 45_000, scope } = opts;
  const result = await drainInbox(db, {
    olderThanMs,
    budgetMs,
    scope,
    job: "inbox-sweep",
    exceptPartnerIds: partnersBeingDrained(),
  });
  return { ...result, processed: result.events };
}
