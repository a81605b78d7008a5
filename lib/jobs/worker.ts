import type PgBoss from "pg-boss";
import { getDb } from "@/db";
import { deleteDeadSessions } from "@/lib/data/sessions";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { deliverQueuedMail } from "@/lib/mail/outbox";
import { processWebhookEvent, sweepInbox } from "@/lib/wallex/inbox/process-event";
import { reconcilePartners } from "@/lib/wallex/mirror/reconcile";
import { createBoss, shareBoss } from "./boss";
import { queues, type QueueKey } from "./queues";

const handlers: Record<QueueKey, (data: Record<string, unknown>) => Promise<unknown>> = {
  deliverMail: () => deliverQueuedMail(getDb(), 100),
  cleanSessions: () => deleteDeadSessions(getDb()),
  processWebhook: (data) => processWebhookEvent(getDb(), String(data.eventId)),
  sweepInbox: () => sweepInbox(getDb()),
  reconcileOpen: () => reconcilePartners(getDb(), "open"),
  reconcileAll: () => reconcilePartners(getDb(), "all"),
};

/**
 * Starts the job worker: creates the queues, registers the schedules and handlers. Runs inside the
 * web process by default (instrumentation.ts) or alone with `npm run worker`; with several
 * instances, pg-boss hands each job to exactly one of them.
 */
export async function startWorker(): Promise<PgBoss> {
  const boss = createBoss(env().DATABASE_URL!);
  await boss.start();
  for (const [key, queue] of Object.entries(queues) as [QueueKey, (typeof queues)[QueueKey]][]) {
    await boss.createQueue(queue.name, "retryLimit" in queue ? { name: queue.name, retryLimit: queue.retryLimit, retryBackoff: true } : undefined);
    if ("cron" in queue) await boss.schedule(queue.name, queue.cron);
    await boss.work<Record<string, unknown>>(queue.name, async (jobs) => {
      for (const job of jobs) {
        const result = await handlers[key](job.data ?? {});
        logger.debug({ queue: queue.name, result }, "job done");
      }
    });
  }
  shareBoss(boss);
  logger.info({ queues: Object.values(queues).map((q) => q.name) }, "job worker started");
  return boss;
}
