import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, hashAuditRow, type AuditContent } from "./chain";

export type AuditEntry = {
  partnerId: string;
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
 * Appends one row to the partner's chain. A transaction-scoped advisory lock serialises writers of
 * the same partner, so two concurrent mutations cannot both claim the same `seq`.
 */
export async function recordAudit(executor: Executor, entry: AuditEntry) {
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${entry.partnerId}`}))`);
    const [last] = await tx
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(eq(auditEvents.partnerId, entry.partnerId))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    const content: AuditContent = {
      partnerId: entry.partnerId,
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
    const [row] = await tx
      .insert(auditEvents)
      .values({ ...content, prevHash, hash: hashAuditRow(prevHash, content) })
      .returning();
    return row;
  });
}

/** What jsonb will give back: dates as strings, undefined dropped. */
function jsonSafe(value: unknown) {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
