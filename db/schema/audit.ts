import { bigint, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { partners } from "./partners";
import { users } from "./users";

/**
 * Append-only, hash-chained per partner: `hash` covers the row's content and `prevHash`, so editing
 * or deleting any row breaks every later link (`npm run audit:verify`). A trigger refuses UPDATE
 * and DELETE (see the custom migration).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id),
    seq: bigint({ mode: "number" }).notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorEmail: text(),
    memberId: uuid(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    ip: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    unique("audit_events_partner_seq").on(t.partnerId, t.seq),
    index("audit_events_partner_created").on(t.partnerId, t.createdAt),
    index("audit_events_partner_action").on(t.partnerId, t.action),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
