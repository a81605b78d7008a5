import "server-only";
import type { Executor } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
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

/** Appends one row to the chain of the scope's partner, one writer of that partner at a time. */
export async function recordAudit(executor: Executor, scope: TenantScope, entry: AuditEntry) {
  return executor.transaction(async (tx) => {
    await lockAuditChain(tx, scope);
    const last = await getLastAuditLink(tx, scope);
    const content: AuditContent = {
      partnerId: scope.partnerId,
      seq: (last?.seq ?? 0) + 1,
      actorUserId: entry.actor.userId,
      actorEmail: entry.actor.email,
      memberId: entry.memberId ?? null,
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
    return appendAuditEvent(tx, scope, { ...row, prevHash, hash: hashAuditRow(prevHash, content) });
  });
}

/** What jsonb will give back: dates as strings, undefined dropped. */
function jsonSafe(value: unknown) {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
