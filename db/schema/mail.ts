import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const mailStatus = pgEnum("mail_status", ["captured", "queued", "sent", "failed"]);

/** Every mail the app sends. Without SMTP it stops here ("captured") and the dev mailbox shows it. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    status: mailStatus().notNull(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("mail_outbox_created").on(t.createdAt)],
);

export type Mail = typeof mailOutbox.$inferSelect;
