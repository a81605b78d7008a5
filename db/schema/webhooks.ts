import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partners } from "./partners";

export const webhookOutcome = pgEnum("webhook_outcome", ["received", "processed", "failed", "rejected"]);

/**
 * The webhook inbox: every delivery as it arrived, written before we answer 200. Forged ones are
 * kept as "rejected". A job processes "received" rows (re-reads the resource through the API).
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    resource: text(),
    resourceId: text(),
    status: text(),
    accountId: text(),
    payload: jsonb(),
    rawBody: text().notNull(),
    outcome: webhookOutcome().notNull(),
    error: text(),
    /** What processing did, in words: "payment 3f2a… processing → completed", "no change". */
    result: text(),
    attempts: integer().notNull().default(0),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("webhook_events_partner_received").on(t.partnerId, t.receivedAt),
    index("webhook_events_partner_resource").on(t.partnerId, t.resource, t.resourceId),
    index("webhook_events_outcome").on(t.outcome),
  ],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
