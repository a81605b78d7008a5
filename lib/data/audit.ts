import "server-only";
import { and, asc, desc, eq, gt, gte, ilike, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditEvents } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/tenant-scope";
import { escapeLike, startsWith } from "@/lib/data/like";
import type { AuditFilters } from "@/lib/validations/audit";

export const AUDIT_PAGE_SIZE = 50;

function filtersWhere(scope: StaffScope, filters: Omit<AuditFilters, "page">) {
  const nextDay = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000);
  return and(
    scopeWhere(auditEvents, scope),
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.actor ? ilike(auditEvents.actorEmail, `%${escapeLike(filters.actor)}%`) : undefined,
    filters.requestId ? startsWith(auditEvents.requestId, filters.requestId) : undefined,
    filters.from ? gte(auditEvents.createdAt, new Date(`${filters.from}T00:00:00Z`)) : undefined,
    filters.to ? lt(auditEvents.createdAt, nextDay(filters.to)) : undefined,
  );
}

export async function listAuditEvents(db: Executor, scope: StaffScope, filters: AuditFilters) {
  const where = filtersWhere(scope, filters);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.seq))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(where),
  ]);
  return { rows, total };
}

export async function listAuditActions(db: Executor, scope: StaffScope) {
  const rows = await db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(scopeWhere(auditEvents, scope))
    .orderBy(asc(auditEvents.action));
  return rows.map((r) => r.action);
}

/** Pages through matching rows oldest first, in batches, for the CSV export. */
export async function* iterateAuditEvents(db: Executor, scope: StaffScope, filters: Omit<AuditFilters, "page">) {
  let afterSeq = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(and(filtersWhere(scope, filters), gt(auditEvents.seq, afterSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(500);
    yield* batch;
    if (batch.length < 500) return;
    afterSeq = batch[batch.length - 1].seq;
  }
}
