/** Next.js start-up hook: starts the job worker inside the web process (see lib/jobs/in-process.ts). */
export async function register() {
  // Written this way so the edge build drops the Node-only import.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInProcessWorker } = await import("./lib/jobs/in-process");
    await startInProcessWorker();
  }
}
