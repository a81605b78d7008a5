import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

export const staffRole = pgEnum("staff_role", ["admin", "operator", "compliance", "viewer"]);
export type StaffRole = (typeof staffRole.enumValues)[number];

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const partners = pgTable("partners", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  legalName: text(),
  country: text(),
  supportEmail: text(),
  website: text(),
  /** Submitted members go to the partner's own review before Wallex screening (the default). */
  memberReviewRequired: boolean().notNull().default(true),
  /** The signups Wallex enabled for this partner (users.md §5: each is off until Wallex turns it on). */
  memberSignupKinds: text()
    .array()
    .notNull()
    .default(sql`'{full}'::text[]`),
  ...timestamps,
});

export const staffMemberships = pgTable(
  "staff_memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: staffRole().notNull(),
    ...timestamps,
  },
  (t) => [
    unique("staff_memberships_partner_user").on(t.partnerId, t.userId),
    unique("staff_memberships_partner_id_id").on(t.partnerId, t.id),
    index("staff_memberships_user").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: staffRole().notNull(),
    tokenHash: text().notNull(),
    invitedByMembershipId: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "invitations_inviter_same_partner",
      columns: [t.partnerId, t.invitedByMembershipId],
      foreignColumns: [staffMemberships.partnerId, staffMemberships.id],
    }).onDelete("set null"),
    uniqueIndex("invitations_token_hash").on(t.tokenHash),
    uniqueIndex("invitations_one_open_per_email")
      .on(t.partnerId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

export type Partner = typeof partners.$inferSelect;
export type StaffMembership = typeof staffMemberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
