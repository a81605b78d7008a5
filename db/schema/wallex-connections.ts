import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partners } from "./partners";

/** One Wallex connection per partner. Secrets are AES-256-GCM ciphertexts (lib/crypto/secrets.ts). */
export const wallexConnections = pgTable("wallex_connections", {
  partnerId: uuid()
    .primaryKey()
    .references(() => partners.id, { onDelete: "cascade" }),
  baseUrl: text().notNull(),
  /** What the connection points at, so nothing has to guess from the URL's text. */
  kind: text({ enum: ["wallex", "embedded_sandbox"] })
    .notNull()
    .default("wallex"),
  /** The origin the secrets were saved for: they are never sent anywhere else (lib/wallex/partner-client.ts). */
  secretsOrigin: text().notNull(),
  apiKey: text().notNull(),
  accessKeyId: text().notNull(),
  secretAccessKey: text().notNull(),
  apiKeyLast4: text().notNull(),
  accessKeyIdLast4: text().notNull(),
  secretAccessKeyLast4: text().notNull(),
  /** The rate Wallex granted this partner (00-conventions.md §6): every process together stays under it. */
  requestsPerSecond: integer().notNull().default(5),
  /** Sent by Wallex in our custom header on every notification (encrypted here); null until registered. */
  webhookSecret: text(),
  webhookRegisteredAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

export type WallexConnection = typeof wallexConnections.$inferSelect;
