import "server-only";
import { and, eq, getTableName, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { members, referenceLists, type MemberLocale, type StaffRole } from "@/db/schema";
import type { CurrentUser } from "./session";

declare const tenantScopeBrand: unique symbol;

/** Proof, minted only on the server from something verified, that the holder may touch `partnerId`'s data. */
type Minted<T> = Readonly<T> & { readonly partnerId: string; readonly [tenantScopeBrand]: true };

/** A signed-in user who is staff of the partner with `role` (minted in `lib/auth/scope.ts`). */
export type StaffScope = Minted<{
  kind: "staff";
  partnerSlug: string;
  partnerName: string;
  membershipId: string;
  role: StaffRole;
  user: CurrentUser;
}>;

/** The member signed in to the member portal, from a live `member_sessions` row. */
export type CurrentMember = {
  id: string;
  email: string;
  name: string;
  locale: MemberLocale;
  sessionId: string;
  hasTwoFactor: boolean;
};

/**
 * A member of the partner, signed in to the portal (minted in `lib/auth/member-session.ts` from the
 * session cookie, never from the URL). It reaches only the member's own rows: see `scopeWhere`.
 */
export type MemberScope = Minted<{
  kind: "member";
  memberId: string;
  partnerSlug: string;
  partnerName: string;
  member: CurrentMember;
}>;

/** A webhook delivery whose secret matched the partner's connection. */
export type WebhookScope = Minted<{ kind: "webhook" }>;

/** Background work (a job, the inbox drainer, the reconciler, a CLI) that names its partner. */
export type JobScope = Minted<{ kind: "job"; job: string }>;

export type TenantScope = StaffScope | WebhookScope | JobScope | MemberScope;

/** Partner-wide tables a member may read whole: the partner's cached Wallex reference lists. */
const MEMBER_READABLE_PARTNER_TABLES: PgTable[] = [referenceLists];

type TenantTable = { partnerId: PgColumn };

/**
 * The tenant filter every query on tenant data starts from. A member scope is narrowed to the
 * member: a member-owned table (partnerId + memberId) by both, `members` to their own row, and any
 * other partner-wide table is refused outright, so code handed a member scope by mistake fails
 * loudly instead of reading the partner's data.
 */
export function scopeWhere(table: TenantTable, scope: TenantScope): SQL {
  if (scope.kind !== "member") return eq(table.partnerId, scope.partnerId);
  if ("memberId" in table) return scopeMemberWhere(table as TenantTable & { memberId: PgColumn }, scope);
  if ((table as unknown) === members)
    return and(eq(members.partnerId, scope.partnerId), eq(members.id, scope.memberId))!;
  if (MEMBER_READABLE_PARTNER_TABLES.includes(table as unknown as PgTable)) return eq(table.partnerId, scope.partnerId);
  throw new Error(`A member scope may not read ${getTableName(table as unknown as PgTable)}: it is partner-wide data.`);
}

/** Member-owned tables (drafts, comments, sessions, invitations): the partner and the member. */
export function scopeMemberWhere(table: { partnerId: PgColumn; memberId: PgColumn }, scope: MemberScope): SQL {
  return and(eq(table.partnerId, scope.partnerId), eq(table.memberId, scope.memberId))!;
}

export function mintStaffScope(fields: Omit<StaffScope, "kind" | typeof tenantScopeBrand>): StaffScope {
  return { kind: "staff", ...fields } as StaffScope;
}

/** Only from a live member session (lib/auth/member-session.ts) or a check just as strong (sign-in, invitation). */
export function mintMemberScope(fields: Omit<MemberScope, "kind" | "memberId" | typeof tenantScopeBrand>): MemberScope {
  return { kind: "member", memberId: fields.member.id, ...fields } as MemberScope;
}

/** Only after the delivery's secret was compared against the partner's connection. */
export function mintWebhookScope(partnerId: string): WebhookScope {
  return { kind: "webhook", partnerId } as WebhookScope;
}

/** For work the server started itself; `job` names it in logs and the audit trail. */
export function mintJobScope(partnerId: string, job: string): JobScope {
  return { kind: "job", partnerId, job } as JobScope;
}
