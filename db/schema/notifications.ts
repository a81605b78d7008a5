import { foreignKey, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffMemberships } from "./partners";

/**
 * How far each staff member has read the partner's notifications: one row per user and partner,
 * so every browser of that person shows the same unread count. The composite key on the
 * membership keeps the marker inside the tenant and drops it when the person leaves the team.
 */
export const notificationReads = pgTable(
  "notification_reads",
  {
    partnerId: uuid().notNull(),
    userId: uuid().notNull(),
    // Same precision as wallex_timeline.at, so "newer than the marker" compares exactly.
    readUpTo: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ name: "notification_reads_pkey", columns: [t.partnerId, t.userId] }),
    foreignKey({
      name: "notification_reads_member",
      columns: [t.partnerId, t.userId],
      foreignColumns: [staffMemberships.partnerId, staffMemberships.userId],
    }).onDelete("cascade"),
  ],
);
