/** Every job queue, with its schedule (cron, UTC) where it runs by itself. */
export const queues = {
  deliverMail: { name: "mail.deliver", cron: "* * * * *" },
  cleanSessions: { name: "sessions.clean", cron: "17 3 * * *" },
} as const;

export type QueueName = (typeof queues)[keyof typeof queues]["name"];
