import "server-only";
import { and, asc, desc, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditEvents } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/**
 * Serialises writers of the partner's chain until the transaction ends (a transaction-scoped
 * advisory lock), so two concurrent appends cannot claim the same `seq`.
 */
export async function lockAuditChain(tx: Executor, scope: TenantScope) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${scope.partnerId}`}))`);
}

/** The newest link of the partner's chain, if it has one. */
export async function getLastAuditLink(tx: Executor, scope: TenantScope) {
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(scopeWhere(auditEvents, scope))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last;
}

export async function appendAuditEvent(
  tx: Executor,
  scope: TenantScope,
  row: Omit<typeof auditEvents.$inferInsert, "id" | "partnerId">,
) {
  const [event] = await tx
    .insert(auditEvents)
    .values({ ...row, partnerId: scope.partnerId })
    .returning();
  return event;
}

/** Up to `limit` links of the partner's chain after `afterSeq`, in order. */
export async function listAuditChainAfter(db: Executor, scope: TenantScope, afterSeq: number, limit: number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(scopeWhere(auditEvents, scope), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}
