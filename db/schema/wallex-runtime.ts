import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partners } from "./partners";

/** The partner's Wallex session token (8 h), encrypted, shared by every process of the app. */
export const wallexTokens = pgTable("wallex_tokens", {
  partnerId: uuid()
    .primaryKey()
    .references(() => partners.id, { onDelete: "cascade" }),
  token: text().notNull(),
  issuedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
});

/** Recent request grants per partner (epoch ms), so all processes together stay under Wallex's rate. */
export const wallexRateWindows = pgTable("wallex_rate_windows", {
  key: text().primaryKey(),
  grants: bigint({ mode: "number" })
    .array()
    .notNull()
    .default(sql`'{}'::bigint[]`),
});

/** One row per HTTP attempt to Wallex; bodies are redacted before they get here. */
export const wallexApiCalls = pgTable(
  "wallex_api_calls",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    operation: text().notNull(),
    method: text().notNull(),
    pathTemplate: text().notNull(),
    path: text().notNull(),
    status: integer(),
    durationMs: integer().notNull(),
    requestId: text().notNull(),
    attempt: integer().notNull(),
    errorKind: text(),
    willRetry: boolean().notNull().default(false),
    onBehalfOf: jsonb(),
    query: jsonb(),
    requestBody: jsonb(),
    errorBody: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("wallex_api_calls_partner_created").on(t.partnerId, t.createdAt),
    index("wallex_api_calls_request").on(t.requestId),
  ],
);
