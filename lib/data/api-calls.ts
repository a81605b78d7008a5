import "server-only";
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexApiCalls } from "@/db/schema";
import { scopeWhere, type StaffScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { startsWith } from "@/lib/data/like";
import type { ApiLogFilters } from "@/lib/validations/api-log";

export const API_LOG_PAGE_SIZE = 50;

export async function listApiCalls(db: Executor, scope: StaffScope, filters: ApiLogFilters) {
  const failed = or(
    isNull(wallexApiCalls.status),
    gte(wallexApiCalls.status, 400),
    isNotNull(wallexApiCalls.errorKind),
  );
  const succeeded = and(lt(wallexApiCalls.status, 400), isNull(wallexApiCalls.errorKind));
  const where = and(
    scopeWhere(wallexApiCalls, scope),
    filters.operation ? eq(wallexApiCalls.operation, filters.operation) : undefined,
    filters.outcome === "error" ? failed : filters.outcome === "ok" ? succeeded : undefined,
    filters.requestId ? startsWith(wallexApiCalls.requestId, filters.requestId) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(wallexApiCalls)
      .where(where)
      .orderBy(desc(wallexApiCalls.createdAt))
      .limit(API_LOG_PAGE_SIZE)
      .offset((filters.page - 1) * API_LOG_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(wallexApiCalls)
      .where(where),
  ]);
  return { rows, total };
}

export async function listApiOperations(db: Executor, scope: StaffScope) {
  const rows = await db
    .selectDistinct({ operation: wallexApiCalls.operation })
    .from(wallexApiCalls)
    .where(scopeWhere(wallexApiCalls, scope))
    .orderBy(asc(wallexApiCalls.operation));
  return rows.map((r) => r.operation);
}

/** One Wallex attempt, already redacted by the client, for the partner's API log. */
export async function recordApiCall(
  db: Executor,
  scope: TenantScope,
  call: Omit<typeof wallexApiCalls.$inferInsert, "id" | "partnerId">,
) {
  await db.insert(wallexApiCalls).values({ ...call, partnerId: scope.partnerId });
}
