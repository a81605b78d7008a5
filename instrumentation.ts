/**
 * Next.js start-up hook: starts the job worker inside the web process (see lib/jobs/in-process.ts)
 * and, when this deployment serves the embedded sandbox, opens it now rather than on its first use,
 * so that the webhooks it has queued (the demo's, sends cut short by the last stop) go out as soon
 * as the server listens.
 */
export async function register() {
  // Written this way so the edge build drops the Node-only import.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInProcessWorker } = await import("./lib/jobs/in-process");
    await startInProcessWorker();
    const { openEmbeddedSandboxEagerly } = await import("./lib/wallex/embedded-sandbox-eager");
    await openEmbeddedSandboxEagerly();
  }
}
