import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { memberComments, members, partners, wallexDocuments } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/**
 * A member's onboarding documents, as the mirror holds them (`wallex_documents`, parent: the
 * member's Wallex user). The mirror is partner-wide data a member scope may not read whole, so the
 * rows are reached through the member's own row: `scopeWhere(members, scope)` narrows a member
 * scope to that member (staff: any member of their partner), and only documents whose parent is
 * that member's Wallex user, in the same partner, come back.
 */
function documentsOfMember(scope: TenantScope, memberId: string) {
  return and(
    scopeWhere(members, scope),
    eq(members.id, memberId),
    eq(wallexDocuments.partnerId, scope.partnerId),
    eq(wallexDocuments.parentId, members.wallexUserId),
  );
}

const columns = {
  wallexId: wallexDocuments.wallexId,
  status: wallexDocuments.status,
  documentType: wallexDocuments.reference,
  data: wallexDocuments.data,
  createdAt: wallexDocuments.wallexCreatedAt,
  readAt: wallexDocuments.readAt,
};

export type MemberDocumentRow = {
  wallexId: string;
  status: string | null;
  documentType: string | null;
  data: Record<string, unknown>;
  createdAt: Date | null;
  readAt: Date;
};

/** The member's documents, newest first (deleted ones included: the caller leaves them out). */
export async function listMemberDocumentRows(
  db: Executor,
  scope: TenantScope,
  memberId: string,
): Promise<MemberDocumentRow[]> {
  return db
    .select(columns)
    .from(wallexDocuments)
    .innerJoin(members, eq(members.partnerId, wallexDocuments.partnerId))
    .where(documentsOfMember(scope, memberId))
    .orderBy(desc(wallexDocuments.wallexCreatedAt), desc(wallexDocuments.readAt));
}

/** One of the member's documents by its Wallex id; undefined for anyone else's. */
export async function getMemberDocumentRow(
  db: Executor,
  scope: TenantScope,
  memberId: string,
  documentId: string,
): Promise<MemberDocumentRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(wallexDocuments)
    .innerJoin(members, eq(members.partnerId, wallexDocuments.partnerId))
    .where(and(documentsOfMember(scope, memberId), eq(wallexDocuments.wallexId, documentId)))
    .limit(1);
  return row;
}

/** Open change requests the member may see (pinned to a document by its Wallex id, to a field, or general). */
export async function listOpenDocumentComments(db: Executor, scope: TenantScope, memberId: string) {
  return db
    .select({
      id: memberComments.id,
      documentId: memberComments.documentId,
      field: memberComments.field,
      body: memberComments.body,
      createdAt: memberComments.createdAt,
    })
    .from(memberComments)
    .where(
      and(
        scopeWhere(memberComments, scope),
        eq(memberComments.memberId, memberId),
        eq(memberComments.memberVisible, true),
        isNull(memberComments.resolvedAt),
      ),
    )
    .orderBy(desc(memberComments.createdAt));
}

/** Resolves the open comments pinned to a document the member has just replaced or deleted. */
export async function resolveDocumentComments(db: Executor, scope: TenantScope, memberId: string, documentId: string) {
  return db
    .update(memberComments)
    .set({ resolvedAt: new Date() })
    .where(
      and(
        scopeWhere(memberComments, scope),
        eq(memberComments.memberId, memberId),
        eq(memberComments.documentId, documentId),
        isNull(memberComments.resolvedAt),
      ),
    )
    .returning({ id: memberComments.id });
}

/** The scope's own partner (its slug and name for links and mail): never another's, whatever the scope. */
export async function getScopePartner(db: Executor, scope: TenantScope) {
  const [partner] = await db
    .select({ id: partners.id, slug: partners.slug, name: partners.name })
    .from(partners)
    .where(eq(partners.id, scope.partnerId))
    .limit(1);
  return partner;
}
