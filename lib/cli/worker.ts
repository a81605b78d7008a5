import { env } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";

/** `npm run worker`: the job worker as its own process (needs DATABASE_URL; run web instances with RUN_WORKER=false). */
async function main() {
  if (!env().DATABASE_URL) throw new Error("Set DATABASE_URL: a separate worker needs a shared PostgreSQL.");
  const boss = await startWorker();
  const stop = async () => {
    await boss.stop({ graceful: true });
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
