import "server-only";
import type { Database } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { listStaleOpenIntents, markIntentUnsettled } from "@/lib/data/intents";
import { withLease } from "@/lib/data/leases";
import { logger } from "@/lib/logger";
import type { WallexClient } from "../client";
import { completeIntent, INTENT_LEASE, type Operation } from "./intents";
import { wallexOperations } from "./operations";

/** After this long, an unknown outcome that reading back cannot find is taken as never having happened. */
const GIVE_UP_AFTER_MS = 60 * 60_000;

/**
 * For the reconcile job: intents left pending or unknown (a crash, a lost answer nobody retried)
 * are looked up at Wallex; those still missing after an hour are marked failed, so a new submit
 * sends them afresh.
 */
export async function resolveOpenIntents(db: Database, client: WallexClient, scope: TenantScope, now = new Date()) {
  const open = await listStaleOpenIntents(db, scope, new Date(now.getTime() - 60_000));
  const ops = Object.values(wallexOperations(db, scope)) as Operation<Record<string, unknown>>[];
  let resolved = 0;
  for (const intent of open) {
    const op = ops.find((o) => o.kind === intent.kind && o.operation === intent.operation);
    if (!op) continue;
    try {
      await withLease(
        db,
        `intent:${intent.id}`,
        async () => {
          const readAt = new Date();
          const found = await op.readBack(client, intent.id, intent.request, intent.accountId, intent);
          if (found) {
            await completeIntent(db, scope, op, intent, found, intent.accountId, readAt, true);
            resolved++;
          } else if (now.getTime() - intent.updatedAt.getTime() > GIVE_UP_AFTER_MS) {
            await markIntentUnsettled(db, scope, intent.id, "failed", "Wallex has no record of it", now);
          }
        },
        INTENT_LEASE,
      );
    } catch (error) {
      logger.warn({ err: error, intentId: intent.id }, "could not resolve an intent");
    }
  }
  return { open: open.length, resolved };
}
