import type PgBoss from "pg-boss";
import { getDb } from "@/db";
import { deleteDeadMemberSessions } from "@/lib/data/member-sessions";
import { deleteDeadSessions } from "@/lib/data/sessions";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { deliverQueuedMail } from "@/lib/mail/outbox";
import { refreshReferenceListsOfAllPartners } from "@/lib/services/reference-lists";
import { startInboxDrainer } from "@/lib/wallex/inbox/drainer";
import { sweepInbox } from "@/lib/wallex/inbox/process-event";
import { purgeRejectedEvents } from "@/lib/wallex/inbox/purge";
import { reconcilePartners } from "@/lib/wallex/mirror/reconcile";
import { createBoss, shareBoss } from "./boss";
import { queues, type QueueKey } from "./queues";

const handlers: Record<QueueKey, (data: Record<string, unknown>) => Promise<unknown>> = {
  deliverMail: () => deliverQueuedMail(getDb(), 100),
  cleanSessions: () => Promise.all([deleteDeadSessions(getDb()), deleteDeadMemberSessions(getDb())]),
  sweepInbox: () => sweepInbox(getDb()),
  purgeRejectedWebhooks: () => purgeRejectedEvents(getDb()),
  reconcileOpen: () => reconcilePartners(getDb(), "open"),
  reconcileAll: () => reconcilePartners(getDb(), "all"),
  refreshReferenceLists: () => refreshReferenceListsOfAllPartners(getDb()),
};

/**
 * Starts the job worker: creates the queues, registers the schedules and handlers, and starts the
 * inbox drainer (webhook processing, stopped with the boss). Runs inside the web process by
 * default (instrumentation.ts) or alone with `npm run worker`; with several instances, pg-boss
 * hands each job to exactly one of them and the drainers share the inbox through leases.
 * `inboxDrainer: false` leaves webhook processing to the sweep (tests sharing one database).
 */
export async function startWorker({ inboxDrainer = true } = {}): Promise<PgBoss> {
  const boss = createBoss(env().DATABASE_URL!);
  await boss.start();
  for (const [key, queue] of Object.entries(queues) as [QueueKey, (typeof queues)[QueueKey]][]) {
    const { retryLimit } = queue as { retryLimit?: number };
    await boss.createQueue(queue.name, retryLimit ? { name: queue.name, retryLimit, retryBackoff: true } : undefined);
    if ("cron" in queue) await boss.schedule(queue.name, queue.cron);
    await boss.work<Record<string, unknown>>(queue.name, async (jobs) => {
      for (const job of jobs) {
        const result = await handlers[key](job.data ?? {});
        logger.debug({ queue: queue.name, result }, "job done");
      }
    });
  }
  if (inboxDrainer) {
    const drainer = startInboxDrainer(getDb());
    boss.once("stopped", () => void drainer.stop());
  }
  shareBoss(boss);
  logger.info({ queues: Object.values(queues).map((q) => q.name) }, "job worker started");
  return boss;
}
