import "server-only";
import type { Database } from "@/db";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { listApprovedMemberAccountIds, listMemberWallexIds, listOpenMirrorObjects } from "@/lib/data/mirror-store";
import { listConnectedPartnerIds } from "@/lib/data/wallex-connections";
import { getWebhookAlarm } from "@/lib/data/webhook-alarm";
import { logger } from "@/lib/logger";
import { WallexNotFoundError } from "../client/errors";
import { wallexClientFor } from "../partner-client";
import { resolveOpenIntents } from "./resolve-intents";
import { refreshAccountMoney } from "./refresh-balances";
import { refreshObject, syncListing } from "./refresh";
import { RESOURCES, type ResourceDef } from "./read-map";

const tracked = (Object.values(RESOURCES) as ResourceDef[]).filter(
  (def) => def.retrieve && def.finalStatuses.length > 0,
);
const listedPerAccount = (Object.values(RESOURCES) as ResourceDef[]).filter((def) => def.list && def.ownedByAccount);

/** The scheduled jobs: every connected partner, one after the other; one partner's failure stops no other. */
export async function reconcilePartners(db: Database, mode: "open" | "all") {
  const results: Record<string, unknown> = {};
  // Ids of connections, whose foreign key says the partner exists.
  for (const partnerId of await listConnectedPartnerIds(db)) {
    const scope = mintJobScope(partnerId, `reconcile-${mode}`);
    try {
      results[partnerId] = mode === "open" ? await reconcileOpen(db, scope) : await reconcileEverything(db, scope);
    } catch (error) {
      logger.warn({ err: error, partnerId, mode }, "reconcile failed");
    }
  }
  return results;
}

/**
 * Re-reads every object Wallex may still change (oldest read first, up to `limit` per kind),
 * resolves unknown outcomes, and checks that webhooks still arrive.
 */
export async function reconcileOpen(db: Database, scope: TenantScope, { limit = 200 } = {}) {
  const { partnerId } = scope;
  const client = await wallexClientFor(db, scope);
  let reread = 0;
  let failed = 0;
  for (const def of tracked) {
    const open = await listOpenMirrorObjects(db, scope, def.table, def.finalStatuses, limit);
    for (const row of open) {
      try {
        const applied = await refreshObject(db, client, scope, def, row, { source: "reconcile" });
        if (applied.statusChanged && def.ownedByAccount)
          await refreshAccountMoney(db, client, scope, applied.accountId, "reconcile");
        reread++;
      } catch (error) {
        if (!(error instanceof WallexNotFoundError))
          logger.warn({ err: error, partnerId, kind: def.kind, wallexId: row.wallexId }, "reconcile read failed");
        failed++;
      }
    }
  }
  const intents = await resolveOpenIntents(db, client, scope);
  const alarm = await getWebhookAlarm(db, scope);
  if (alarm.stalled) logger.warn({ partnerId, ...alarm }, "Wallex webhooks have stopped arriving while calls go on");
  return { reread, failed, intents, alarm };
}

/** Lists everything again: the members, then each approved member's objects and the partner's own. */
export async function reconcileEverything(db: Database, scope: TenantScope) {
  const { partnerId } = scope;
  const client = await wallexClientFor(db, scope);
  await syncListing(db, client, scope, RESOURCES.user, null, { source: "reconcile" });
  const members = await listApprovedMemberAccountIds(db, scope);
  let seen = 0;
  let failed = 0;
  for (const accountId of [null, ...members]) {
    for (const def of listedPerAccount) {
      try {
        seen += (await syncListing(db, client, scope, def, accountId, { source: "reconcile" })).seen;
      } catch (error) {
        // A feature the partner lacks (collections, say) answers NOT_AUTHORIZED: skip it, keep going.
        logger.info({ err: error, partnerId, kind: def.kind, accountId }, "listing skipped");
        failed++;
      }
    }
  }
  for (const userId of await listMemberWallexIds(db, scope)) {
    try {
      seen += (
        await syncListing(db, client, scope, RESOURCES.document, null, {
          source: "reconcile",
          parentId: userId,
        })
      ).seen;
    } catch (error) {
      logger.info({ err: error, partnerId, userId }, "documents listing skipped");
      failed++;
    }
  }
  return { seen, failed, open: await reconcileOpen(db, scope) };
}
