import "server-only";
import type { Executor } from "@/db";
import type { CurrentUser } from "@/lib/auth/session";
import { mintStaffScope } from "@/lib/auth/tenant-scope";
import { listStaffMembershipsOfUser } from "@/lib/data/users";
import type { RequestMeta } from "@/lib/request-context";
import { recordAudit, type AuditEntry } from "./record";

/**
 * A person's own account events (sign-in, 2FA, sign-out everywhere) go into the log of every
 * partner they staff, each under the StaffScope their membership there gives them.
 */
export async function recordAuditForUser(
  db: Executor,
  user: CurrentUser,
  meta: RequestMeta,
  entry: Pick<AuditEntry, "action" | "before" | "after">,
) {
  for (const membership of await listStaffMembershipsOfUser(db, user.id)) {
    const scope = mintStaffScope({ ...membership, user });
    await recordAudit(db, scope, {
      ...entry,
      actor: { userId: user.id, email: user.email },
      target: { type: "user", id: user.id },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  }
}
