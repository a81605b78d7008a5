import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Short leases that let one process of many do a piece of work (refresh a token, say) at a time. */
export const leases = pgTable("leases", {
  key: text().primaryKey(),
  holder: text().notNull(),
  until: timestamp({ withTimezone: true }).notNull(),
});
