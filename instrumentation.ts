/** Next.js start-up hook: starts the job worker inside the web process (see lib/jobs/in-process.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInProcessWorker } = await import("./lib/jobs/in-process");
  await startInProcessWorker();
}
