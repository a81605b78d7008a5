import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { memberComments } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/**
 * Change requests as the wizard shows them. Under a member scope only member-visible comments are
 * ever read: internal notes (`memberVisible` false) never leave this module for a member, whatever
 * the caller asks.
 *
 * `field` convention: "<step>.<our field name>" of lib/wallex/client/kyc-wire.ts, e.g.
 * "personal.birthDate", "company.registrationNumber", "due_diligence.entityType"; null for a general
 * comment (Wallex's `reason`, which names no field); documents are pinned by `documentId`.
 */
export async function listOpenMemberComments(
  db: Executor,
  scope: TenantScope,
  memberId: string,
  { includeInternal = false } = {},
) {
  const visibleOnly = scope.kind === "member" || !includeInternal;
  return db
    .select()
    .from(memberComments)
    .where(
      and(
        scopeWhere(memberComments, scope),
        eq(memberComments.memberId, memberId),
        isNull(memberComments.resolvedAt),
        visibleOnly ? eq(memberComments.memberVisible, true) : undefined,
      ),
    )
    .orderBy(asc(memberComments.createdAt));
}

/** Resolves the member's open member-visible comments (a resubmission answers them); the ids resolved. */
export async function resolveMemberComments(db: Executor, scope: TenantScope, memberId: string) {
  const rows = await db
    .update(memberComments)
    .set({ resolvedAt: new Date() })
    .where(
      and(
        scopeWhere(memberComments, scope),
        eq(memberComments.memberId, memberId),
        isNull(memberComments.resolvedAt),
        eq(memberComments.memberVisible, true),
      ),
    )
    .returning({ id: memberComments.id });
  return rows.map((r) => r.id);
}
