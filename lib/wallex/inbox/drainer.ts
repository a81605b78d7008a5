import "server-only";
import type { Database } from "@/db";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { listPartnersWithWaitingEvents } from "@/lib/data/webhook-claims";
import { logger } from "@/lib/logger";
import { drainPartner, type DrainOptions } from "./drain";
import { registerInboxDrainer, unregisterInboxDrainer, type InboxDrainer } from "./wake";

export type DrainerOptions = DrainOptions & {
  /** How often the inbox is looked at when nothing woke us. */
  pollMs?: number;
  /** Partners drained at once by this process; beyond it, the least recently served go first. */
  maxLanes?: number;
  /** Only these partners (tests share one database). */
  partnerIds?: string[];
};

/**
 * The worker's webhook processing: one lane per partner with waiting events (drainPartner), so a
 * burst for one partner is paced by that partner's Wallex rate and never queues another partner's
 * events behind it. Polls every `pollMs` and is woken by the receiver in the same process; other
 * instances' drainers share the work through the claims' leases.
 */
export function startInboxDrainer(db: Database, opts: DrainerOptions = {}): InboxDrainer {
  const { pollMs = 500, maxLanes = 16, partnerIds, ...drainOptions } = opts;
  const lanes = new Map<string, Promise<unknown>>();
  const lastServed = new Map<string, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let looking: Promise<void> | undefined;

  const startLane = (partnerId: string) => {
    if (stopped || lanes.has(partnerId) || lanes.size >= maxLanes) return;
    if (partnerIds && !partnerIds.includes(partnerId)) return;
    lastServed.set(partnerId, Date.now());
    // The id comes from the inbox (or the intake that stored an event for it): a partner that
    // exists, as the events' foreign key guarantees.
    const lane = drainPartner(db, mintJobScope(partnerId, "inbox-drainer"), drainOptions)
      .then((result) => result.objects > 0)
      .catch((error) => {
        logger.warn({ err: error, partnerId }, "inbox drain failed");
        return false;
      })
      .then((didWork) => {
        lanes.delete(partnerId);
        // More may have come meanwhile; a lane that found nothing to claim (another drain holds
        // those objects) waits for the next poll instead of spinning.
        if (didWork) wakeSoon();
      });
    lanes.set(partnerId, lane);
  };

  const look = async () => {
    try {
      const waiting = await listPartnersWithWaitingEvents(db, { partnerIds });
      const order = waiting
        .filter((p) => !lanes.has(p))
        .sort((a, b) => (lastServed.get(a) ?? 0) - (lastServed.get(b) ?? 0));
      for (const partnerId of order) startLane(partnerId);
    } catch (error) {
      logger.warn({ err: error }, "inbox drainer could not look at the inbox");
    }
  };

  const tick = () => {
    timer = undefined;
    if (stopped || looking) return;
    looking = look().finally(() => {
      looking = undefined;
      if (!stopped) timer ??= setTimeout(tick, pollMs);
    });
  };
  const wakeSoon = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, 0);
  };
  tick();

  const drainer: InboxDrainer = {
    wake: (partnerId) => (partnerId ? startLane(partnerId) : wakeSoon()),
    draining: () => [...lanes.keys()],
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await looking;
      await Promise.allSettled([...lanes.values()]);
      unregisterInboxDrainer(drainer);
    },
  };
  registerInboxDrainer(drainer);
  return drainer;
}
