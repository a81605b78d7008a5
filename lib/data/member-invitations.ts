import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { memberInvitations, type MemberInvitation } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/** A member's invitations, newest first: the open one (if any) and the history. */
export async function listMemberInvitations(db: Executor, scope: TenantScope, memberId: string) {
  return db
    .select()
    .from(memberInvitations)
    .where(and(scopeWhere(memberInvitations, scope), eq(memberInvitations.memberId, memberId)))
    .orderBy(desc(memberInvitations.createdAt));
}

/** The member's one invitation neither accepted nor revoked (it may have expired). */
export async function getOpenMemberInvitation(
  db: Executor,
  scope: TenantScope,
  memberId: string,
  { lock = false } = {},
): Promise<MemberInvitation | undefined> {
  const query = db
    .select()
    .from(memberInvitations)
    .where(
      and(
        scopeWhere(memberInvitations, scope),
        eq(memberInvitations.memberId, memberId),
        isNull(memberInvitations.acceptedAt),
        isNull(memberInvitations.revokedAt),
      ),
    )
    .limit(1);
  const [open] = lock ? await query.for("update") : await query;
  return open;
}

export async function insertMemberInvitation(
  db: Executor,
  scope: TenantScope,
  values: Pick<MemberInvitation, "memberId" | "tokenHash" | "expiresAt" | "invitedByMembershipId">,
) {
  const [row] = await db
    .insert(memberInvitations)
    .values({ ...values, partnerId: scope.partnerId })
    .returning();
  return row;
}

/** A new secret and a new expiry on the open invitation: the old link stops working. */
export async function renewMemberInvitationToken(
  db: Executor,
  scope: TenantScope,
  invitationId: string,
  values: Pick<MemberInvitation, "tokenHash" | "expiresAt">,
) {
  const [row] = await db
    .update(memberInvitations)
    .set(values)
    .where(
      and(
        scopeWhere(memberInvitations, scope),
        eq(memberInvitations.id, invitationId),
        isNull(memberInvitations.acceptedAt),
        isNull(memberInvitations.revokedAt),
      ),
    )
    .returning();
  return row;
}

/** Closes an open invitation (revoked by staff, or an expired one making way for a new one). */
export async function revokeMemberInvitationRow(
  db: Executor,
  scope: TenantScope,
  invitationId: string,
  at = new Date(),
) {
  const closed = await db
    .update(memberInvitations)
    .set({ revokedAt: at })
    .where(
      and(
        scopeWhere(memberInvitations, scope),
        eq(memberInvitations.id, invitationId),
        isNull(memberInvitations.acceptedAt),
        isNull(memberInvitations.revokedAt),
      ),
    )
    .returning({ id: memberInvitations.id });
  return closed.length > 0;
}
