/** Every job queue: its schedule (cron, UTC) where it runs by itself, and its retry policy. */
export const queues = {
  deliverMail: { name: "mail.deliver", cron: "* * * * *" },
  cleanSessions: { name: "sessions.clean", cron: "17 3 * * *" },
  /**
   * Inbox events still waiting after a minute: the safety net behind the worker's inbox drainer
   * (lib/wallex/inbox/drainer.ts), which processes webhooks as they arrive, one lane per partner.
   */
  sweepInbox: { name: "wallex.inbox-sweep", cron: "* * * * *" },
  /** Rejected deliveries older than the retention (REJECTED_RETENTION_DAYS) deleted. */
  purgeRejectedWebhooks: { name: "wallex.inbox-purge", cron: "41 3 * * *" },
  /** Non-final objects re-read, unknown outcomes resolved, the webhook alarm checked. */
  reconcileOpen: { name: "wallex.reconcile-open", cron: "*/5 * * * *" },
  /** Everything listed again from Wallex. */
  reconcileAll: { name: "wallex.reconcile-all", cron: "40 2 * * *" },
  /** Countries, business types, entity types and products usage fetched again for every connected partner. */
  refreshReferenceLists: { name: "wallex.reference-lists", cron: "23 4 * * *" },
} as const satisfies Record<string, { name: string; cron?: string; retryLimit?: number }>;

export type QueueKey = keyof typeof queues;
export type QueueName = (typeof queues)[QueueKey]["name"];
