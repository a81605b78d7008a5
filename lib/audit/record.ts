import "server-only";
import type { Executor } from "@/db";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { appendAuditEvent, getLastAuditLink, lockAuditChain } from "@/lib/data/audit-chain";
import { GENESIS_HASH, hashAuditRow, type AuditContent } from "./chain";

export type AuditEntry = {
  action: string;
  actor: { userId: string | null; email: string | null };
  memberId?: string | null;
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
};

/**
 * Appends one row to the chain of the scope's partner, one writer of that partner at a time.
 * A member's rows are always their own: actor and member are the scope's member, whatever the
 * entry says, and the row joins the partner's one chain (the chain's head is read partner-wide).
 */
export async function recordAudit(executor: Executor, scope: TenantScope, entry: AuditEntry) {
  const chain = scope.kind === "member" ? mintJobScope(scope.partnerId, "audit-chain") : scope;
  const actor = scope.kind === "member" ? memberActor(scope.member) : entry.actor;
  const memberId = scope.kind === "member" ? scope.memberId : (entry.memberId ?? null);
  return executor.transaction(async (tx) => {
    await lockAuditChain(tx, chain);
    const last = await getLastAuditLink(tx, chain);
    const content: AuditContent = {
      partnerId: scope.partnerId,
      seq: (last?.seq ?? 0) + 1,
      actorUserId: actor.userId,
      actorEmail: actor.email,
      memberId,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      before: jsonSafe(entry.before),
      after: jsonSafe(entry.after),
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
      createdAt: new Date(),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const { partnerId: _partnerId, ...row } = content;
    return appendAuditEvent(tx, chain, { ...row, prevHash, hash: hashAuditRow(prevHash, content) });
  });
}

/** What jsonb will give back: dates as strings, undefined dropped. */
function jsonSafe(value: unknown) {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** A member acts as themselves: no staff user, their email, and `memberId` names them. */
export function memberActor(member: { email: string }): AuditEntry["actor"] {
  return { userId: null, email: `member (${member.email})` };
}
