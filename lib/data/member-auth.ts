import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "@/db";
import { memberInvitations, members, partners, type MemberLocale, type MemberStage } from "@/db/schema";
import { scopeWhere, type MemberScope, type TenantScope } from "@/lib/auth/tenant-scope";

/** The partner a portal URL names, if any (partners are not tenant rows; the slug proves nothing). */
export async function getPartnerBySlug(db: Executor, slug: string) {
  const [partner] = await db.select().from(partners).where(eq(partners.slug, slug)).limit(1);
  return partner;
}

/** The member's row: their own under a member scope, any of the partner's under another. */
export async function getMemberRow(db: Executor, scope: TenantScope, memberId: string) {
  const [member] = await db
    .select()
    .from(members)
    .where(and(scopeWhere(members, scope), eq(members.id, memberId)))
    .limit(1);
  return member;
}

/** Spends a TOTP time step, once: two concurrent sign-ins cannot both use the same code. */
export async function claimMemberTotpStep(db: Executor, scope: TenantScope, memberId: string, step: number) {
  const rows = await db
    .update(members)
    .set({ totpLastStep: step })
    .where(
      and(
        scopeWhere(members, scope),
        eq(members.id, memberId),
        or(isNull(members.totpLastStep), lt(members.totpLastStep, step)),
      ),
    )
    .returning({ id: members.id });
  return rows.length === 1;
}

/**
 * An invitation link's look-up by its id, with its member and partner; the caller checks the
 * link's secret against `tokenHash` before trusting any of it. `lock` holds the invitation row.
 */
export async function findMemberInvitationWithPartner(db: Executor, invitationId: string, { lock = false } = {}) {
  const query = db
    .select({ invitation: memberInvitations, member: members, partner: partners })
    .from(memberInvitations)
    .innerJoin(
      members,
      and(eq(members.partnerId, memberInvitations.partnerId), eq(members.id, memberInvitations.memberId)),
    )
    .innerJoin(partners, eq(partners.id, memberInvitations.partnerId))
    .where(eq(memberInvitations.id, invitationId))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: memberInvitations }) : await query;
  return row;
}

/** Marks an open invitation accepted; false when it was not the partner's or no longer open. */
export async function acceptMemberInvitationRow(db: Executor, scope: TenantScope, invitationId: string) {
  const rows = await db
    .update(memberInvitations)
    .set({ acceptedAt: new Date() })
    .where(
      and(
        scopeWhere(memberInvitations, scope),
        eq(memberInvitations.id, invitationId),
        isNull(memberInvitations.acceptedAt),
        isNull(memberInvitations.revokedAt),
      ),
    )
    .returning({ id: memberInvitations.id });
  return rows.length === 1;
}

/** Sets the member's password (accepting the invitation), optionally moving the stage on. */
export async function setMemberPassword(
  db: Executor,
  scope: TenantScope,
  memberId: string,
  passwordHash: string,
  opts: { stageFrom?: MemberStage; stageTo?: MemberStage } = {},
) {
  const [row] = await db
    .update(members)
    .set({ passwordHash, lastActivityAt: new Date() })
    .where(and(scopeWhere(members, scope), eq(members.id, memberId)))
    .returning();
  if (row && opts.stageFrom && opts.stageTo && row.stage === opts.stageFrom) {
    await db
      .update(members)
      .set({ stage: opts.stageTo })
      .where(and(scopeWhere(members, scope), eq(members.id, memberId), eq(members.stage, opts.stageFrom)));
    return { ...row, stage: opts.stageTo };
  }
  return row;
}

/** The member's own language. */
export async function setMemberLocale(db: Executor, scope: MemberScope, locale: MemberLocale) {
  const rows = await db.update(members).set({ locale }).where(scopeWhere(members, scope)).returning({ id: members.id });
  return rows.length === 1;
}

/** Starts authenticator set-up: an encrypted secret waiting for its first code. */
export async function setMemberPendingTotp(db: Executor, scope: MemberScope, encryptedSecret: string) {
  const rows = await db
    .update(members)
    .set({ pendingTotpSecret: encryptedSecret })
    .where(and(scopeWhere(members, scope), isNull(members.totpSecret)))
    .returning({ id: members.id });
  return rows.length === 1;
}

/** Turns the pending secret on, with the step its first code used. */
export async function enableMemberTotp(db: Executor, scope: MemberScope, encryptedSecret: string, step: number) {
  const rows = await db
    .update(members)
    .set({ totpSecret: encryptedSecret, pendingTotpSecret: null, totpLastStep: step })
    .where(and(scopeWhere(members, scope), eq(members.pendingTotpSecret, encryptedSecret)))
    .returning({ id: members.id });
  return rows.length === 1;
}
