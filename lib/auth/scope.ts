import "server-only";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { listStaffMembershipsOfUser } from "@/lib/data/users";
import { AppError, forbidden } from "@/lib/errors";
import { can, requiresTwoFactor, type Permission } from "./permissions";
import { requireUser, type CurrentUser } from "./session";
import { mintStaffScope, type StaffScope } from "./tenant-scope";

export type { StaffScope, TenantScope } from "./tenant-scope";
export { scopeWhere } from "./tenant-scope";

export type ScopeProblem = "not_member" | "two_factor_required";

export async function findStaffScope(
  user: CurrentUser,
  partnerSlug: string,
): Promise<{ scope: StaffScope } | { problem: ScopeProblem }> {
  const memberships = await listStaffMembershipsOfUser(getDb(), user.id);
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

/** For pages: a 404 for anyone who is not staff of the partner (or lacks `permission`). */
export async function requireStaff(partnerSlug: string, permission?: Permission): Promise<StaffScope> {
  const user = await requireUser();
  const found = await findStaffScope(user, partnerSlug);
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
