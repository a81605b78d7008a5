/** Every job queue: its schedule (cron, UTC) where it runs by itself, and its retry policy. */
export const queues = {
  deliverMail: { name: "mail.deliver", cron: "* * * * *" },
  cleanSessions: { name: "sessions.clean", cron: "17 3 * * *" },
  /** One inbox event; sent by the webhook receiver once the event is stored. */
  processWebhook: { name: "wallex.webhook", retryLimit: 5 },
  /** Inbox events whose job never got sent. */
  sweepInbox: { name: "wallex.inbox-sweep", cron: "* * * * *" },
  /** Non-final objects re-read, unknown outcomes resolved, the webhook alarm checked. */
  reconcileOpen: { name: "wallex.reconcile-open", cron: "*/5 * * * *" },
  /** Everything listed again from Wallex. */
  reconcileAll: { name: "wallex.reconcile-all", cron: "40 2 * * *" },
} as const satisfies Record<string, { name: string; cron?: string; retryLimit?: number }>;

export type QueueKey = keyof typeof queues;
export type QueueName = (typeof queues)[QueueKey]["name"];
