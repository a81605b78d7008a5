import "server-only";
import type { Executor } from "@/db";
import { listStaffMembershipsOfUser } from "@/lib/data/users";
import type { RequestMeta } from "@/lib/request-context";
import { recordAudit, type AuditEntry } from "./record";

/** A person's own account events (2FA, sign-out everywhere) go into the log of every partner they staff. */
export async function recordAuditForUser(
  db: Executor,
  user: { id: string; email: string },
  meta: RequestMeta,
  entry: Pick<AuditEntry, "action" | "before" | "after">,
) {
  for (const membership of await listStaffMembershipsOfUser(db, user.id)) {
    await recordAudit(db, {
      ...entry,
      partnerId: membership.partnerId,
      actor: { userId: user.id, email: user.email },
      target: { type: "user", id: user.id },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  }
}
