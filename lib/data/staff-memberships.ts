import "server-only";
import type { Executor } from "@/db";
import { staffMemberships, type StaffRole } from "@/db/schema";
import type { TenantScope } from "@/lib/auth/tenant-scope";

/** Makes the user staff of the scope's partner with `role`; with `ifAbsent`, keeps a membership they already have. */
export async function addStaffMembership(
  db: Executor,
  scope: TenantScope,
  userId: string,
  role: StaffRole,
  { ifAbsent = false } = {},
) {
  const insert = db.insert(staffMemberships).values({ partnerId: scope.partnerId, userId, role });
  const [membership] = await (ifAbsent ? insert.onConflictDoNothing() : insert).returning();
  return membership;
}
