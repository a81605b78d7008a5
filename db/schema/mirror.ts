import {
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { partners } from "./partners";
import { webhookEvents } from "./webhooks";

const at = () => timestamp({ withTimezone: true, precision: 3 });

/**
 * Every mirror table has the same shape: the Wallex object as last read (`data`), keyed by its
 * Wallex id and unique per partner, plus the few columns pages filter and sort on. `readAt` is when
 * the read that produced `data` started: an older read never overwrites a newer one, which is what
 * makes out-of-order webhooks and racing workers end in the current truth.
 */
function mirrorTable<const Name extends string>(name: Name) {
  return pgTable(
    name,
    {
      id: uuid().primaryKey().defaultRandom(),
      partnerId: uuid()
        .notNull()
        .references(() => partners.id, { onDelete: "cascade" }),
      wallexId: text().notNull(),
      /** The member account the object belongs to; null for the partner's own. */
      accountId: text(),
      /** The owning object where there is one: a document's user, a collection's virtual account. */
      parentId: text(),
      status: text(),
      previousStatus: text(),
      currency: text(),
      amount: numeric(),
      reference: text(),
      data: jsonb().$type<Record<string, unknown>>().notNull(),
      wallexCreatedAt: at(),
      readAt: at().notNull(),
      // Full precision: a write recognises its own change by comparing these with now().
      changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
      statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      uniqueIndex(`${name}_partner_wallex_id`).on(t.partnerId, t.wallexId),
      index(`${name}_partner_status`).on(t.partnerId, t.status),
      index(`${name}_partner_account`).on(t.partnerId, t.accountId),
      index(`${name}_partner_created`).on(t.partnerId, t.wallexCreatedAt),
    ],
  );
}

export const wallexUsers = mirrorTable("wallex_users");
export const wallexDocuments = mirrorTable("wallex_documents");
export const wallexBeneficiaries = mirrorTable("wallex_beneficiaries");
export const wallexQuotes = mirrorTable("wallex_quotes");
export const wallexPayments = mirrorTable("wallex_payments");
export const wallexConversions = mirrorTable("wallex_conversions");
export const wallexCollectionAccounts = mirrorTable("wallex_collection_accounts");
export const wallexCollections = mirrorTable("wallex_collections");
export const wallexCollectionRequests = mirrorTable("wallex_collection_requests");
export const wallexBalances = mirrorTable("wallex_balances");
export const wallexBalanceHistory = mirrorTable("wallex_balance_history");
export const wallexFundings = mirrorTable("wallex_fundings");
export const wallexDeductions = mirrorTable("wallex_deductions");
export const wallexTransfers = mirrorTable("wallex_transfers");

export type MirrorTable = ReturnType<typeof mirrorTable<string>>;
export type MirrorRow = MirrorTable["$inferSelect"];

export const timelineSource = pgEnum("timeline_source", ["write", "webhook", "reconcile"]);

/** Each status a mirrored object went through, and what told us. */
export const wallexTimeline = pgTable(
  "wallex_timeline",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    wallexId: text().notNull(),
    accountId: text(),
    status: text(),
    previousStatus: text(),
    source: timelineSource().notNull(),
    webhookEventId: uuid().references(() => webhookEvents.id, { onDelete: "set null" }),
    at: at().notNull().defaultNow(),
  },
  (t) => [
    index("wallex_timeline_object").on(t.partnerId, t.wallexId, t.at),
    index("wallex_timeline_partner_at").on(t.partnerId, t.at),
  ],
);

export const intentState = pgEnum("wallex_intent_state", ["pending", "succeeded", "failed", "unknown"]);

/**
 * A create or fund we mean to send to Wallex, recorded before it is sent. Its id is our reference
 * on the Wallex object, so an unknown outcome is resolved by looking for that reference before
 * anything is sent again; the idempotency key makes a repeated submit return the first result.
 */
export const wallexIntents = pgTable(
  "wallex_intents",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    idempotencyKey: text().notNull(),
    kind: text().notNull(),
    operation: text().notNull(),
    accountId: text(),
    request: jsonb().$type<Record<string, unknown>>().notNull(),
    state: intentState().notNull().default("pending"),
    wallexId: text(),
    error: text(),
    attempts: integer().notNull().default(0),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("wallex_intents_partner_key").on(t.partnerId, t.idempotencyKey),
    index("wallex_intents_open").on(t.state, t.updatedAt),
  ],
);

export type WallexIntent = typeof wallexIntents.$inferSelect;
