/**
 * Plain Node, no `server-only`: our HTTP server (lib/cli/serve-next.ts, outside Next's bundles)
 * and the app's bundles share this process, so the state lives on a global, like client-ip.ts.
 *
 * "Listening" is said only by our server once its port is open; command-line tasks and tests never
 * say it. Stop hooks run when that server stops, before the process exits.
 */
const KEY = Symbol.for("partner-desk.app-lifecycle");

type Lifecycle = {
  listening: Promise<void>;
  markListening: () => void;
  ownServer: boolean;
  stopHooks: Set<() => Promise<void>>;
};

function lifecycle(): Lifecycle {
  const registry = globalThis as { [KEY]?: Lifecycle };
  if (!registry[KEY]) {
    let markListening = () => {};
    const listening = new Promise<void>((resolve) => (markListening = resolve));
    registry[KEY] = { listening, markListening, ownServer: false, stopHooks: new Set() };
  }
  return registry[KEY];
}

/** Settles once our server accepts connections in this process; never in other processes. */
export function appListening(): Promise<void> {
  return lifecycle().listening;
}

export function markAppListening() {
  lifecycle().markListening();
}

/** Said by our server before Next.js starts: it will mark the moment it listens. */
export function announceOwnServer() {
  lifecycle().ownServer = true;
}

/**
 * In a web process that our server does not run (a bare `next start`), nobody marks the moment the
 * port opens: count it as listening a little after start-up instead.
 */
export function assumeListeningUnlessOwnServer(afterMs = 3_000) {
  if (lifecycle().ownServer) return;
  setTimeout(markAppListening, afterMs).unref();
}

/** Work to finish before the server's process exits (e.g. webhook sends in flight). */
export function onAppStopping(hook: () => Promise<void>) {
  lifecycle().stopHooks.add(hook);
}

export async function runAppStoppingHooks() {
  const hooks = [...lifecycle().stopHooks];
  lifecycle().stopHooks.clear();
  await Promise.allSettled(hooks.map((hook) => hook()));
}
