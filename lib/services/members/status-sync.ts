import "server-only";
import type { Executor } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import {
  applyWallexStatusToMember,
  findMemberForWallexUser,
  findNotifiedUserReason,
  insertMemberComment,
} from "@/lib/data/member-writes";
import { notifyMemberStatusChange } from "./notify-status";

export const RESUBMISSION = "document_needs_resubmission";
const DEFAULT_RESUBMISSION_REASON = "Wallex asked for changes to the details or documents.";

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** Why Wallex set this status: on the object as re-read (never trusting a body first), else the notification's `reason`. */
async function reasonFor(db: Executor, scope: TenantScope, user: Record<string, unknown>, status: string | null) {
  const own = text(user.reason) ?? text(user.statusReason) ?? text(user.remarks);
  if (own || !status) return own;
  return findNotifiedUserReason(db, scope, String(user.id), status);
}

const actorOf = (scope: TenantScope) =>
  scope.kind === "staff"
    ? { userId: scope.user.id, email: scope.user.email }
    : { userId: null, email: scope.kind === "job" ? `system (${scope.job})` : "system (webhook)" };

/**
 * Keeps the member in step with its Wallex user whenever the mirror's copy changed (write-through,
 * webhook, refresh, reconcile: lib/wallex/mirror/store.ts calls this): Wallex's status and reason
 * and the member's last activity. A request to resubmit moves the member to `changes_requested`
 * and leaves Wallex's reason as a comment the member sees.
 */
export async function syncMemberWithWallexUser(
  db: Executor,
  scope: TenantScope,
  user: Record<string, unknown> & { id: string },
  change: { statusChanged: boolean; status: string | null; previousStatus: string | null; readAt: Date },
) {
  return db.transaction(async (tx) => {
    const member = await findMemberForWallexUser(tx, scope, {
      wallexUserId: user.id,
      email: text(user.email),
      accountId: text(user.accountId),
    });
    if (!member) return undefined;
    const status = change.status;
    const statusMoved = status !== member.wallexStatus;
    const reason = statusMoved ? await reasonFor(tx, scope, user, status) : (member.wallexReason ?? null);
    const resubmit = status === RESUBMISSION && statusMoved;
    const updated = await applyWallexStatusToMember(tx, scope, member.id, {
      wallexStatus: status,
      wallexReason: reason,
      stage: resubmit ? "changes_requested" : undefined,
      at: new Date(),
    });
    if (resubmit) {
      await insertMemberComment(tx, scope, {
        memberId: member.id,
        source: "wallex",
        field: null,
        body: reason ?? DEFAULT_RESUBMISSION_REASON,
        memberVisible: true,
      });
    }
    // The signup's own first status is part of creating the member, audited there.
    if (statusMoved && member.wallexStatus !== null) {
      await recordAudit(tx, scope, {
        action: "member.wallex_status_changed",
        actor: actorOf(scope),
        memberId: member.id,
        target: { type: "member", id: member.id },
        before: { wallexStatus: member.wallexStatus, stage: member.stage },
        after: { wallexStatus: status, wallexReason: reason, stage: updated?.stage ?? member.stage },
      });
      // Screening's pending_approval is told by our "submitted" mail (notify-status.ts).
      if (status && status !== "pending_approval") {
        await notifyMemberStatusChange(
          tx,
          scope,
          member,
          { kind: "wallex", status, from: member.wallexStatus },
          reason,
        );
      }
    }
    return updated;
  });
}
