import { sql } from "drizzle-orm";
import { customType, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partners } from "./partners";

export const webhookOutcome = pgEnum("webhook_outcome", ["received", "processed", "failed", "rejected"]);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * The webhook inbox: every delivery as it arrived, written before we answer. An authentic one keeps
 * its raw bytes (`body`) and a text copy PostgreSQL accepts (`rawBody`: NULs stripped, lone
 * surrogates replaced); a forged or oversize one only its size, hash and source ("rejected").
 * The drain (lib/wallex/inbox/drain.ts) works "received" rows and "failed" ones due for a retry.
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
    /** The body as text, sanitised for PostgreSQL; null when the body was not kept. */
    rawBody: text(),
    /** The body exactly as it arrived (authentic deliveries only). */
    body: bytea(),
    bodySize: integer(),
    bodySha256: text(),
    sourceIp: text(),
    outcome: webhookOutcome().notNull(),
    error: text(),
    /** What processing did, in words: "payment 3f2a… processing → completed", "no change". */
    result: text(),
    attempts: integer().notNull().default(0),
    /** A failed event is tried again from then on; null once we gave up (a replay revives it). */
    nextAttemptAt: timestamp({ withTimezone: true }),
    /** Held by a drain until then, so that two processes do not read the same object at once. */
    claimedUntil: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("webhook_events_partner_received").on(t.partnerId, t.receivedAt),
    index("webhook_events_partner_resource").on(t.partnerId, t.resource, t.resourceId),
    index("webhook_events_outcome_received").on(t.outcome, t.receivedAt),
    index("webhook_events_waiting")
      .on(t.partnerId, t.receivedAt)
      .where(sql`${t.outcome} in ('received', 'failed')`),
  ],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
