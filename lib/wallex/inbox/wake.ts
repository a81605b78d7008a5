/**
 * The process's inbox drainer, if it runs one: kept apart from drainer.ts so that the webhook
 * intake route can nudge it without loading the drain, the mirror and the Wallex client.
 */
export type InboxDrainer = { wake: (partnerId?: string) => void; draining: () => string[]; stop: () => Promise<void> };

const shared = globalThis as unknown as { __partnerDeskDrainer?: InboxDrainer };

/** The receiver's nudge after storing an event: a no-op in a process that runs no drainer. */
export function wakeInboxDrainer(partnerId: string) {
  shared.__partnerDeskDrainer?.wake(partnerId);
}

/** The partners this process's drainer is working on now (the sweep leaves them to it). */
export function partnersBeingDrained(): string[] {
  return shared.__partnerDeskDrainer?.draining() ?? [];
}

/** The first drainer started in the process is the one woken; false when one already is. */
export function registerInboxDrainer(drainer: InboxDrainer) {
  if (shared.__partnerDeskDrainer) return false;
  shared.__partnerDeskDrainer = drainer;
  return true;
}

export function unregisterInboxDrainer(drainer: InboxDrainer) {
  if (shared.__partnerDeskDrainer === drainer) shared.__partnerDeskDrainer = undefined;
}
