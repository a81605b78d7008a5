/**
 * Plain Node, no `server-only`: our HTTP server (lib/cli/serve-next.ts, outside Next's bundles)
 * and the app's bundles share this process, so the state lives on a global, like client-ip.ts.
 *
 * "Listening" is said only by our server once its port is open; command-line tasks and tests never
 * say it. Stop hooks run when that server stops, before the process exits.
 */
const KEY = Symbol.for("partner-desk.app-lifecycle");

type Lifecycle = { listening: Promise<void>; markListening: () => void; stopHooks: Set<() => Promise<void>> };

function lifecycle(): Lifecycle {
  const registry = globalThis as { [KEY]?: Lifecycle };
  if (!registry[KEY]) {
    let markListening = () => {};
    const listening = new Promise<void>((resolve) => (markListening = resolve));
    registry[KEY] = { listening, markListening, stopHooks: new Set() };
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

/** Work to finish before the server's process exits (e.g. webhook sends in flight). */
export function onAppStopping(hook: () => Promise<void>) {
  lifecycle().stopHooks.add(hook);
}

export async function runAppStoppingHooks() {
  const hooks = [...lifecycle().stopHooks];
  lifecycle().stopHooks.clear();
  await Promise.allSettled(hooks.map((hook) => hook()));
}
