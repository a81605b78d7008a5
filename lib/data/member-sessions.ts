import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "@/db";
import { memberSessions, members, partners } from "@/db/schema";
import { scopeMemberWhere, scopeWhere, type MemberScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { SESSION_TTL_MS } from "./sessions";

export { SESSION_TTL_MS };
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Opens a session for one of the scope's partner's members (after their password, or their invitation, checked out). */
export async function createMemberSession(
  db: Executor,
  scope: TenantScope,
  memberId: string,
  meta: { ip: string | null; userAgent: string | null },
) {
  const id = randomBytes(24).toString("base64url");
  // The member must be the partner's: the composite key refuses a pair that does not match.
  await db.insert(memberSessions).values({
    id,
    partnerId: scope.partnerId,
    memberId,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  return id;
}

/**
 * The live session named by a session cookie, with its member and partner, or null when revoked,
 * expired or unknown. The id (192 random bits inside a signed cookie) is what proves the member:
 * the MemberScope is minted from this row.
 */
export async function getLiveMemberSession(db: Executor, sessionId: string) {
  const now = new Date();
  const [row] = await db
    .select({ session: memberSessions, member: members, partner: partners })
    .from(memberSessions)
    .innerJoin(members, and(eq(members.partnerId, memberSessions.partnerId), eq(members.id, memberSessions.memberId)))
    .innerJoin(partners, eq(partners.id, memberSessions.partnerId))
    .where(and(eq(memberSessions.id, sessionId), isNull(memberSessions.revokedAt), gt(memberSessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(memberSessions).set({ lastSeenAt: now }).where(eq(memberSessions.id, sessionId));
  }
  return row;
}

/** Ends the scope's own session (sign-out). */
export async function revokeOwnMemberSession(db: Executor, scope: MemberScope) {
  const rows = await db
    .update(memberSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        scopeMemberWhere(memberSessions, scope),
        eq(memberSessions.id, scope.member.sessionId),
        isNull(memberSessions.revokedAt),
      ),
    )
    .returning({ id: memberSessions.id });
  return rows.length === 1;
}

/**
 * Ends every live session of one member: the member's own scope for their own, or staff of the
 * partner (removing portal access). Returns how many it revoked.
 */
export async function revokeMemberSessions(db: Executor, scope: TenantScope, memberId: string) {
  const rows = await db
    .update(memberSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(scopeWhere(memberSessions, scope), eq(memberSessions.memberId, memberId), isNull(memberSessions.revokedAt)),
    )
    .returning({ id: memberSessions.id });
  return rows.length;
}

/** A member's live sessions, newest activity last (their own scope, or staff of the partner). */
export async function listLiveMemberSessions(db: Executor, scope: TenantScope, memberId: string) {
  return db
    .select()
    .from(memberSessions)
    .where(
      and(
        scopeWhere(memberSessions, scope),
        eq(memberSessions.memberId, memberId),
        isNull(memberSessions.revokedAt),
        gt(memberSessions.expiresAt, new Date()),
      ),
    )
    .orderBy(memberSessions.lastSeenAt);
}

/** The nightly clean-up, beside staff's sessions. */
export async function deleteDeadMemberSessions(db: Executor) {
  await db
    .delete(memberSessions)
    .where(
      or(lt(memberSessions.expiresAt, new Date()), lt(memberSessions.revokedAt, new Date(Date.now() - SESSION_TTL_MS))),
    );
}
