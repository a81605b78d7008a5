import PgBoss from "pg-boss";
import { isEmbeddedUrl } from "@/db/embedded-url";
import { env } from "@/lib/env";
import type { QueueName } from "./queues";

/** pg-boss on the app's database (its own `pgboss` schema): jobs survive restarts and spread over instances. */
export function createBoss(databaseUrl: string, options: Partial<PgBoss.ConstructorOptions> = {}) {
  const boss = new PgBoss({ connectionString: databaseUrl, max: isEmbeddedUrl(databaseUrl) ? 1 : 4, ...options });
  boss.on("error", (error) => console.error("[jobs]", error));
  return boss;
}

const shared = globalThis as unknown as { __partnerDeskBoss?: Promise<PgBoss> };

/** The worker in this process also sends the process's jobs. */
export function shareBoss(boss: PgBoss) {
  shared.__partnerDeskBoss = Promise.resolve(boss);
}

/**
 * Queues a job from any process. A web instance without a worker (RUN_WORKER=false) gets a
 * send-only pg-boss: no polling, no schedules, no migrations.
 */
export async function sendJob(queue: QueueName, data: Record<string, unknown>) {
  shared.__partnerDeskBoss ??= (async () => {
    const boss = createBoss(env().DATABASE_URL!, { supervise: false, schedule: false, migrate: false });
    await boss.start();
    return boss;
  })().catch((error) => {
    shared.__partnerDeskBoss = undefined;
    throw error;
  });
  return (await shared.__partnerDeskBoss).send(queue, data);
}
