import type PgBoss from "pg-boss";
import { getDb } from "@/db";
import { deleteDeadSessions } from "@/lib/data/sessions";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { deliverQueuedMail } from "@/lib/mail/outbox";
import { createBoss } from "./boss";
import { queues } from "./queues";

const handlers: Record<keyof typeof queues, () => Promise<unknown>> = {
  deliverMail: () => deliverQueuedMail(getDb(), 100),
  cleanSessions: () => deleteDeadSessions(getDb()),
};

/**
 * Starts the job worker: creates the queues, registers the schedules and handlers. Runs inside the
 * web process by default (instrumentation.ts) or alone with `npm run worker`; with several
 * instances, pg-boss hands each job to exactly one of them.
 */
export async function startWorker(): Promise<PgBoss> {
  const boss = createBoss(env().DATABASE_URL!);
  await boss.start();
  for (const [key, queue] of Object.entries(queues) as [keyof typeof queues, (typeof queues)[keyof typeof queues]][]) {
    await boss.createQueue(queue.name);
    await boss.schedule(queue.name, queue.cron);
    await boss.work(queue.name, async () => {
      const result = await handlers[key]();
      logger.debug({ queue: queue.name, result }, "job done");
    });
  }
  logger.info({ queues: Object.values(queues).map((q) => q.name) }, "job worker started");
  return boss;
}
