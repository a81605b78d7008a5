import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { partners, staffMemberships } from "./partners";

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const memberAccountType = pgEnum("member_account_type", ["individual", "company"]);
export type MemberAccountType = (typeof memberAccountType.enumValues)[number];

/** Which Wallex signup created the member (users.md §5): each must be enabled for the partner. */
export const memberSignupKind = pgEnum("member_signup_kind", ["full", "lite_company", "lite_individual"]);
export type MemberSignupKind = (typeof memberSignupKind.enumValues)[number];

export const memberLocale = pgEnum("member_locale", ["en", "id"]);
export type MemberLocale = (typeof memberLocale.enumValues)[number];

/**
 * Our side of onboarding, beside Wallex's user status (which the mirror holds):
 * - `invited`: created at Wallex, invitation sent, the member has not signed in yet;
 * - `in_progress`: the member (or staff acting as them) is filling the wizard;
 * - `in_partner_review`: submitted to the partner's own review; the data is frozen;
 * - `changes_requested`: a reviewer or Wallex asked for changes (see member_comments);
 * - `submitted`: sent to Wallex User Screening; Wallex's status decides from here.
 */
export const memberStage = pgEnum("member_stage", [
  "invited",
  "in_progress",
  "in_partner_review",
  "changes_requested",
  "submitted",
]);
export type MemberStage = (typeof memberStage.enumValues)[number];

/**
 * What the members list's search looks in, as one lower-cased text per row: the name both ways
 * round, the company and the e-mail, separated by a character nobody types. The trigram index
 * `members_search` is built on exactly this expression, so `like '%…%'` reads the index.
 */
export function memberSearchText(t: {
  firstName: AnyPgColumn;
  lastName: AnyPgColumn;
  companyName: AnyPgColumn;
  email: AnyPgColumn;
}) {
  return sql`lower(${t.firstName} || ' ' || ${t.lastName} || chr(1) || ${t.lastName} || ' ' || ${t.firstName} || chr(1) || coalesce(${t.companyName}, '') || chr(1) || ${t.email})`;
}

/**
 * A Wallex member account the partner onboards, and the person who signs in to the member portal.
 * A member is a second kind of person: never a row of `users`, never staff.
 */
export const members = pgTable(
  "members",
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    /** Set once Wallex signed the member up (null while the signup intent is unresolved). */
    wallexUserId: text(),
    wallexAccountId: text(),
    accountType: memberAccountType().notNull(),
    signupKind: memberSignupKind().notNull(),
    email: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    companyName: text(),
    countryCode: text().notNull(),
    locale: memberLocale().notNull().default("en"),
    stage: memberStage().notNull().default("invited"),
    /** Wallex's user status as last seen (mirrors wallex_users.status; kept here so lists need no join). */
    wallexStatus: text(),
    wallexReason: text(),
    /** What Wallex still needs, from the sections' `status.missingFields` and our document checks. */
    missingFields: jsonb().$type<string[]>().notNull().default([]),
    createdByMembershipId: uuid(),
    submittedAt: timestamp({ withTimezone: true }),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Sign-in, set when the member accepts the invitation. Same shape as `users`.
    passwordHash: text(),
    totpSecret: text(),
    pendingTotpSecret: text(),
    totpLastStep: bigint({ mode: "number" }),
    ...timestamps,
  },
  (t) => [
    unique("members_partner_id_id").on(t.partnerId, t.id),
    uniqueIndex("members_partner_email").on(t.partnerId, sql`lower(${t.email})`),
    uniqueIndex("members_partner_wallex_user").on(t.partnerId, t.wallexUserId),
    index("members_partner_stage").on(t.partnerId, t.stage),
    index("members_partner_created").on(t.partnerId, t.createdAt),
    index("members_partner_activity").on(t.partnerId, t.lastActivityAt),
    // pg_trgm (migration 0010 creates the extension; db/embedded.ts loads it into PGlite).
    index("members_search").using("gin", sql`${memberSearchText(t)} gin_trgm_ops`),
    // The staff list's name sort (lib/data/members.ts memberSortNameSql: the same expression).
    index("members_partner_sort_name").on(
      t.partnerId,
      sql`lower(case when ${t.accountType} = 'company' and nullif(btrim(${t.companyName}), '') is not null
        then btrim(${t.companyName}) else ${t.firstName} || ' ' || ${t.lastName} end)`,
    ),
    foreignKey({
      name: "members_creator_same_partner",
      columns: [t.partnerId, t.createdByMembershipId],
      foreignColumns: [staffMemberships.partnerId, staffMemberships.id],
    }).onDelete("set null"),
  ],
);

/** Every member-owned table names both the partner and the member, and the pair must match. */
function memberRef() {
  return {
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    memberId: uuid().notNull(),
  };
}
const sameMember = (name: string, t: { partnerId: AnyPgColumn; memberId: AnyPgColumn }) =>
  foreignKey({
    name: `${name}_same_partner_member`,
    columns: [t.partnerId, t.memberId],
    foreignColumns: [members.partnerId, members.id],
  }).onDelete("cascade");

/** A member's sign-in link: "<id>.<secret>" (lib/services/invitation-token.ts), 72 h, single use. */
export const memberInvitations = pgTable(
  "member_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...memberRef(),
    tokenHash: text().notNull(),
    invitedByMembershipId: uuid(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    sameMember("member_invitations", t),
    uniqueIndex("member_invitations_token_hash").on(t.tokenHash),
    uniqueIndex("member_invitations_one_open")
      .on(t.memberId)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);

/** Server-side member sessions, like `sessions` for staff: the cookie carries only the id. */
export const memberSessions = pgTable(
  "member_sessions",
  {
    id: text().primaryKey(),
    ...memberRef(),
    ip: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [sameMember("member_sessions", t), index("member_sessions_member").on(t.memberId)],
);

export const onboardingStep = pgEnum("onboarding_step", ["personal", "company", "due_diligence", "documents"]);
export type OnboardingStep = (typeof onboardingStep.enumValues)[number];

/**
 * What the member typed on a wizard step, kept until Wallex accepted it: leaving and coming back
 * resumes here. `revision` rises on every save; a save naming an older revision (a stale tab) is refused.
 */
export const memberDrafts = pgTable(
  "member_drafts",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...memberRef(),
    step: onboardingStep().notNull(),
    /** Display-side values as typed (ISO dates, our field names); the client maps them to the wire. */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    revision: integer().notNull().default(0),
    /** When Wallex last accepted this step's data; null while only the draft has it. */
    savedToWallexAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [sameMember("member_drafts", t), unique("member_drafts_member_step").on(t.memberId, t.step)],
);

export const memberCommentSource = pgEnum("member_comment_source", ["wallex", "reviewer"]);

/**
 * A request for changes, pinned to a field (`field`, e.g. "personal.dateOfBirth") or a document
 * (`documentId`, Wallex's id). Internal notes (`memberVisible` false) are never shown to the member.
 */
export const memberComments = pgTable(
  "member_comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...memberRef(),
    source: memberCommentSource().notNull(),
    field: text(),
    documentId: text(),
    body: text().notNull(),
    memberVisible: boolean().notNull(),
    authorMembershipId: uuid(),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [sameMember("member_comments", t), index("member_comments_member").on(t.memberId)],
);

/** Wallex's reference lists (countries, business types, entity types, products usage), per partner, refreshed daily. */
export const referenceLists = pgTable(
  "reference_lists",
  {
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    list: text().notNull(),
    items: jsonb().$type<{ key: string; label: string }[]>().notNull(),
    fetchedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reference_lists_partner_list").on(t.partnerId, t.list)],
);

export type Member = typeof members.$inferSelect;
export type MemberInvitation = typeof memberInvitations.$inferSelect;
export type MemberSession = typeof memberSessions.$inferSelect;
export type MemberDraft = typeof memberDrafts.$inferSelect;
export type MemberComment = typeof memberComments.$inferSelect;
