import "server-only";
import { and, asc, desc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { invitations, partners, staffMemberships, users, type StaffRole } from "@/db/schema";
import { scopeWhere, type StaffScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { notFound } from "@/lib/errors";

export async function listTeam(db: Executor, scope: StaffScope) {
  return db
    .select({
      membershipId: staffMemberships.id,
      role: staffMemberships.role,
      joinedAt: staffMemberships.createdAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      hasTwoFactor: sql<boolean>`${users.totpSecret} is not null`,
    })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(scopeWhere(staffMemberships, scope))
    .orderBy(asc(users.name));
}

export async function getMembershipOrThrow(db: Executor, scope: StaffScope, membershipId: string) {
  const [row] = await db
    .select({ membership: staffMemberships, email: users.email, name: users.name })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(scopeWhere(staffMemberships, scope), eq(staffMemberships.id, membershipId)))
    .limit(1);
  if (!row) throw notFound("Team member");
  return row;
}

export async function countAdmins(db: Executor, scope: StaffScope) {
  const [{ count }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(staffMemberships)
    .where(and(scopeWhere(staffMemberships, scope), eq(staffMemberships.role, "admin")));
  return count;
}

export async function findMembershipByEmail(db: Executor, scope: StaffScope, email: string) {
  const [row] = await db
    .select({ id: staffMemberships.id })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(scopeWhere(staffMemberships, scope), sql`lower(${users.email}) = ${email.toLowerCase()}`))
    .limit(1);
  return row ?? null;
}

/** Invitations not yet accepted or revoked (expired ones included, flagged by `expiresAt`). */
export async function listOpenInvitations(db: Executor, scope: StaffScope) {
  return db
    .select()
    .from(invitations)
    .where(and(scopeWhere(invitations, scope), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt));
}

export async function getOpenInvitationOrThrow(db: Executor, scope: StaffScope, invitationId: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        scopeWhere(invitations, scope),
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .limit(1);
  if (!row) throw notFound("Invitation");
  return row;
}

export async function findLiveInvitationByEmail(db: Executor, scope: StaffScope, email: string) {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        scopeWhere(invitations, scope),
        sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** An expired, unanswered invitation for the same email gives way to a new one. */
export async function revokeExpiredInvitationsFor(db: Executor, scope: TenantScope, email: string) {
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        scopeWhere(invitations, scope),
        sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        lte(invitations.expiresAt, new Date()),
      ),
    );
}

export async function insertInvitation(
  db: Executor,
  scope: TenantScope,
  values: Omit<typeof invitations.$inferInsert, "partnerId">,
) {
  const [invitation] = await db
    .insert(invitations)
    .values({ ...values, partnerId: scope.partnerId })
    .returning();
  return invitation;
}

/** A new link for an invitation of the scope's partner; undefined if there is none with that id. */
export async function renewInvitationToken(
  db: Executor,
  scope: TenantScope,
  invitationId: string,
  renewal: { tokenHash: string; expiresAt: Date },
) {
  const [invitation] = await db
    .update(invitations)
    .set(renewal)
    .where(and(scopeWhere(invitations, scope), eq(invitations.id, invitationId)))
    .returning();
  return invitation;
}

/** Closes an invitation of the scope's partner, as used or as revoked; false if the scope has no such invitation. */
export async function closeInvitation(
  db: Executor,
  scope: TenantScope,
  invitationId: string,
  as: "accepted" | "revoked",
) {
  const at = new Date();
  const rows = await db
    .update(invitations)
    .set(as === "accepted" ? { acceptedAt: at } : { revokedAt: at })
    .where(and(scopeWhere(invitations, scope), eq(invitations.id, invitationId)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function setMembershipRole(db: Executor, scope: TenantScope, membershipId: string, role: StaffRole) {
  const rows = await db
    .update(staffMemberships)
    .set({ role })
    .where(and(scopeWhere(staffMemberships, scope), eq(staffMemberships.id, membershipId)))
    .returning({ id: staffMemberships.id });
  return rows.length > 0;
}

export async function deleteMembership(db: Executor, scope: TenantScope, membershipId: string) {
  const rows = await db
    .delete(staffMemberships)
    .where(and(scopeWhere(staffMemberships, scope), eq(staffMemberships.id, membershipId)))
    .returning({ id: staffMemberships.id });
  return rows.length > 0;
}

/**
 * An invitation and its partner by the id inside an invitation link, with no scope: the caller
 * proves the link by its secret against `tokenHash` before it trusts the partner named here.
 */
export async function findInvitationWithPartner(db: Executor, invitationId: string, { lock = false } = {}) {
  const query = db
    .select({ invitation: invitations, partner: partners })
    .from(invitations)
    .innerJoin(partners, eq(partners.id, invitations.partnerId))
    .where(eq(invitations.id, invitationId))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: invitations }) : await query;
  return row;
}
