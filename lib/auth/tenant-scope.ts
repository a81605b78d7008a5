import "server-only";
import { eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { StaffRole } from "@/db/schema";
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

/** A webhook delivery whose secret matched the partner's connection. */
export type WebhookScope = Minted<{ kind: "webhook" }>;

/** Background work (a job, the inbox drainer, the reconciler, a CLI) that names its partner. */
export type JobScope = Minted<{ kind: "job"; job: string }>;

export type TenantScope = StaffScope | WebhookScope | JobScope;

/** The tenant filter every query on tenant data starts from. */
export function scopeWhere(table: { partnerId: PgColumn }, scope: TenantScope): SQL {
  return eq(table.partnerId, scope.partnerId);
}

export function mintStaffScope(fields: Omit<StaffScope, "kind" | typeof tenantScopeBrand>): StaffScope {
  return { kind: "staff", ...fields } as StaffScope;
}

/** Only after the delivery's secret was compared against the partner's connection. */
export function mintWebhookScope(partnerId: string): WebhookScope {
  return { kind: "webhook", partnerId } as WebhookScope;
}

/** For work the server started itself; `job` names it in logs and the audit trail. */
export function mintJobScope(partnerId: string, job: string): JobScope {
  return { kind: "job", partnerId, job } as JobScope;
}
