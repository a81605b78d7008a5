import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startWorker } from "./worker";

/** The default deployment: one process serves pages and works jobs. RUN_WORKER=false leaves jobs to `npm run worker`. */
export async function startInProcessWorker() {
  if (env().RUN_WORKER === "false" || !env().DATABASE_URL) return;
  try {
    await startWorker();
  } catch (error) {
    logger.error({ err: error }, "job worker did not start; pages still work, background jobs wait");
  }
}
