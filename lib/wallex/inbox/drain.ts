import "server-only";
import type { Database } from "@/db";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { claimWaitingObjects, listPartnersWithWaitingEvents } from "@/lib/data/webhook-claims";
import { logger } from "@/lib/logger";
import type { WallexClient } from "../client";
import { refreshAccountMoney } from "../mirror/refresh-balances";
import { wallexClientFor } from "../partner-client";
import { processObject } from "./process-object";

export type DrainOptions = {
  /** Stop claiming after this long (what was claimed is finished); the next drain goes on. */
  budgetMs?: number;
  /** Only events received at least this long ago (the sweep's safety net). */
  olderThanMs?: number;
  /** Objects claimed at once, and read at once (the partner's rate limiter paces the reads). */
  objectsPerClaim?: number;
  concurrency?: number;
};

export type DrainResult = { objects: number; events: number; failed: number; balancesRefreshed: number };

/**
 * Members whose balances changed but were not re-read yet, per partner: kept across drains so that
 * a failed refresh is tried again by the next one (and by the reconcile job in any case).
 */
const moneyToRefresh = new Map<string, Set<string | null>>();

/**
 * Drains one partner's inbox: claims its waiting objects (each with all its waiting events), reads
 * each once, and at the end re-reads the balances of every member the burst touched, once each.
 */
export async function drainPartner(db: Database, scope: TenantScope, opts: DrainOptions = {}): Promise<DrainResult> {
  const { budgetMs = 20_000, olderThanMs = 0, objectsPerClaim = 20, concurrency = 4 } = opts;
  const { partnerId } = scope;
  const started = Date.now();
  let wallex: Promise<WallexClient> | undefined;
  const client = () => (wallex ??= wallexClientFor(db, scope));
  const dirty = moneyToRefresh.get(partnerId) ?? new Set<string | null>();
  moneyToRefresh.set(partnerId, dirty);
  const result: DrainResult = { objects: 0, events: 0, failed: 0, balancesRefreshed: 0 };

  while (Date.now() - started < budgetMs) {
    const claims = await claimWaitingObjects(db, scope, { objects: objectsPerClaim, olderThanMs });
    if (claims.length === 0) break;
    await eachWithConcurrency(claims, concurrency, async (claim) => {
      const outcome = await processObject(db, scope, client, claim);
      result.objects++;
      result.events += outcome.events;
      if (outcome.outcome === "failed") result.failed++;
      if (outcome.moneyOf !== undefined) dirty.add(outcome.moneyOf);
    });
  }

  for (const accountId of [...dirty]) {
    try {
      await refreshAccountMoney(db, await client(), scope, accountId, "webhook");
      dirty.delete(accountId);
      result.balancesRefreshed++;
    } catch (error) {
      logger.warn(
        { err: error, partnerId, accountId },
        "balances not refreshed after webhooks; the next drain tries again",
      );
    }
  }
  return result;
}

/**
 * Drains every partner with waiting events at once (only `scope`'s partner when given), each in
 * its own lane: one partner's burst waits on that partner's Wallex rate only, never delays another
 * partner's events.
 */
export async function drainInbox(
  db: Database,
  opts: DrainOptions & { scope?: TenantScope; exceptPartnerIds?: string[]; job?: string } = {},
) {
  const { scope, job = "inbox-drain" } = opts;
  const except = new Set(opts.exceptPartnerIds);
  const waiting = await listPartnersWithWaitingEvents(db, {
    olderThanMs: opts.olderThanMs,
    partnerIds: scope ? [scope.partnerId] : undefined,
  });
  // Partner ids from the inbox name existing partners (the events' foreign key).
  const scopes = waiting.filter((p) => !except.has(p)).map((partnerId) => scope ?? mintJobScope(partnerId, job));
  const results = await Promise.all(
    scopes.map((partnerScope) =>
      drainPartner(db, partnerScope, opts).catch((error) => {
        const { partnerId } = partnerScope;
        logger.warn({ err: error, partnerId }, "inbox drain failed");
        return { objects: 0, events: 0, failed: 0, balancesRefreshed: 0 };
      }),
    ),
  );
  const total = (key: keyof DrainResult) => results.reduce((n, r) => n + r[key], 0);
  return { partners: scopes.length, objects: total("objects"), events: total("events"), failed: total("failed") };
}

async function eachWithConcurrency<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
