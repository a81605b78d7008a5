import "server-only";
import { and, asc, eq, isNotNull, notInArray } from "drizzle-orm";
import type { Database } from "@/db";
import { wallexConnections, wallexUsers } from "@/db/schema";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { getWebhookAlarm } from "@/lib/data/webhook-alarm";
import { logger } from "@/lib/logger";
import { WallexNotFoundError } from "../client/errors";
import { wallexClientFor } from "../partner-client";
import { resolveOpenIntents } from "./resolve-intents";
import { refreshAccountMoney } from "./money";
import { refreshObject, syncListing } from "./refresh";
import { RESOURCES, type ResourceDef } from "./resources";

const tracked = (Object.values(RESOURCES) as ResourceDef[]).filter(
  (def) => def.retrieve && def.finalStatuses.length > 0,
);
const listedPerAccount = (Object.values(RESOURCES) as ResourceDef[]).filter((def) => def.list && def.ownedByAccount);

/** The scheduled jobs: every connected partner, one after the other; one partner's failure stops no other. */
export async function reconcilePartners(db: Database, mode: "open" | "all") {
  const connected = await db.select({ partnerId: wallexConnections.partnerId }).from(wallexConnections);
  const results: Record<string, unknown> = {};
  for (const { partnerId } of connected) {
    try {
      results[partnerId] =
        mode === "open" ? await reconcileOpen(db, partnerId) : await reconcileEverything(db, partnerId);
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
export async function reconcileOpen(db: Database, partnerId: string, { limit = 200 } = {}) {
  const client = await wallexClientFor(db, partnerId);
  let reread = 0;
  let failed = 0;
  for (const def of tracked) {
    const open = await db
      .select({ wallexId: def.table.wallexId, accountId: def.table.accountId, parentId: def.table.parentId })
      .from(def.table)
      .where(
        and(
          eq(def.table.partnerId, partnerId),
          isNotNull(def.table.status),
          notInArray(def.table.status, [...def.finalStatuses]),
        ),
      )
      .orderBy(asc(def.table.readAt))
      .limit(limit);
    for (const row of open) {
      try {
        const applied = await refreshObject(db, client, partnerId, def, row, { source: "reconcile" });
        if (applied.statusChanged && def.ownedByAccount)
          await refreshAccountMoney(db, client, partnerId, applied.accountId, "reconcile");
        reread++;
      } catch (error) {
        if (!(error instanceof WallexNotFoundError))
          logger.warn({ err: error, partnerId, kind: def.kind, wallexId: row.wallexId }, "reconcile read failed");
        failed++;
      }
    }
  }
  const intents = await resolveOpenIntents(db, client, partnerId);
  const alarm = await getWebhookAlarm(db, mintJobScope(partnerId, "wallex.reconcile-open"));
  if (alarm.stalled) logger.warn({ partnerId, ...alarm }, "Wallex webhooks have stopped arriving while calls go on");
  return { reread, failed, intents, alarm };
}

/** Lists everything again: the members, then each approved member's objects and the partner's own. */
export async function reconcileEverything(db: Database, partnerId: string) {
  const client = await wallexClientFor(db, partnerId);
  await syncListing(db, client, partnerId, RESOURCES.user, null, { source: "reconcile" });
  const members = await db
    .selectDistinct({ accountId: wallexUsers.accountId })
    .from(wallexUsers)
    .where(
      and(eq(wallexUsers.partnerId, partnerId), eq(wallexUsers.status, "approved"), isNotNull(wallexUsers.accountId)),
    );
  let seen = 0;
  let failed = 0;
  for (const accountId of [null, ...members.map((m) => m.accountId)]) {
    for (const def of listedPerAccount) {
      try {
        seen += (await syncListing(db, client, partnerId, def, accountId, { source: "reconcile" })).seen;
      } catch (error) {
        // A feature the partner lacks (collections, say) answers NOT_AUTHORIZED: skip it, keep going.
        logger.info({ err: error, partnerId, kind: def.kind, accountId }, "listing skipped");
        failed++;
      }
    }
  }
  const users = await db
    .select({ wallexId: wallexUsers.wallexId })
    .from(wallexUsers)
    .where(eq(wallexUsers.partnerId, partnerId));
  for (const user of users) {
    try {
      seen += (
        await syncListing(db, client, partnerId, RESOURCES.document, null, {
          source: "reconcile",
          parentId: user.wallexId,
        })
      ).seen;
    } catch (error) {
      logger.info({ err: error, partnerId, userId: user.wallexId }, "documents listing skipped");
      failed++;
    }
  }
  return { seen, failed, open: await reconcileOpen(db, partnerId) };
}
