import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { listStaffMembershipsOfUser } from "@/lib/data/users";
import { AppError, forbidden } from "@/lib/errors";
import { can, requiresTwoFactor, type Permission } from "./permissions";
import { requireUser, type CurrentUser } from "./session";
import { mintStaffScope, type StaffScope } from "./tenant-scope";

export type { StaffScope } from "./tenant-scope";

export type ScopeProblem = "not_member" | "two_factor_required";

/**
 * The partners a person is staff of, read once per request: the layouts, the page and the tenant
 * switcher of one render share the answer. React's `cache` lives for one server render only (and
 * not at all in an action, which runs outside a render), so a role changed by an action is read
 * afresh by the next request.
 */
export const listMembershipsOfRequest = cache((userId: string) => listStaffMembershipsOfUser(getDb(), userId));

export async function findStaffScope(
  user: CurrentUser,
  partnerSlug: string,
): Promise<{ scope: StaffScope } | { problem: ScopeProblem }> {
  const memberships = await listMembershipsOfRequest(user.id);
  const membership = memberships.find((m) => m.partnerSlug === partnerSlug);
  if (!membership) return { problem: "not_member" };
  if (requiresTwoFactor(membership.role) && !user.hasTwoFactor) return { problem: "two_factor_required" };
  const scope = mintStaffScope({
    partnerId: membership.partnerId,
    partnerSlug: membership.partnerSlug,
    partnerName: membership.partnerName,
    membershipId: membership.membershipId,
    role: membership.role,
    user,
  });
  return { scope };
}

/** One scope per partner per request: every layout and the page of a render get the same object. */
const staffScopeOfRequest = cache(async (partnerSlug: string) => findStaffScope(await requireUser(), partnerSlug));

/** For pages: a 404 for anyone who is not staff of the partner (or lacks `permission`). */
export async function requireStaff(partnerSlug: string, permission?: Permission): Promise<StaffScope> {
  const found = await staffScopeOfRequest(partnerSlug);
  if ("problem" in found) {
    if (found.problem === "two_factor_required")
      redirect(`/account/security?required=1&partner=${encodeURIComponent(partnerSlug)}`);
    notFound();
  }
  if (permission && !can(found.scope.role, permission)) notFound();
  return found.scope;
}

export function assertCan(scope: StaffScope, permission: Permission) {
  if (!can(scope.role, permission)) throw forbidden();
}

export function scopeProblemError(problem: ScopeProblem) {
  return problem === "two_factor_required"
    ? new AppError("FORBIDDEN", { userMessage: "Set up two-factor authentication before doing this." })
    : new AppError("NOT_FOUND", { userMessage: "Not found." });
}
