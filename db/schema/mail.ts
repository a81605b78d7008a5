import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partners } from "./partners";

export const mailStatus = pgEnum("mail_status", ["captured", "queued", "sent", "failed"]);

/**
 * Every mail the app sends. Without SMTP it stops here ("captured") and the partner's dev mailbox
 * shows it; `partnerId` keeps one partner's invitation links away from another partner's staff.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid().references(() => partners.id, { onDelete: "cascade" }),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    status: mailStatus().notNull(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("mail_outbox_created").on(t.createdAt),
    index("mail_outbox_partner_created").on(t.partnerId, t.createdAt),
  ],
);

export type Mail = typeof mailOutbox.$inferSelect;
