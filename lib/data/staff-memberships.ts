import "server-only";
import type { Executor } from "@/db";
import { staffMemberships, type StaffRole } from "@/db/schema";
import type { TenantScope } from "@/lib/auth/tenant-scope";

/** Makes the user staff of the scope's partner with `role`. */
export async function addStaffMembership(db: Executor, scope: TenantScope, userId: string, role: StaffRole) {
  const [membership] = await db
    .insert(staffMemberships)
    .values({ partnerId: scope.partnerId, userId, role })
    .returning();
  return membership;
}
