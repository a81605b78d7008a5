import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { memberInvitations, members, type Member, type MemberLocale, type MemberStage } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { INVITATION_TTL_MS, invitationToken, newInvitationSecret } from "@/lib/services/invitation-token";
import { TEST_PASSWORD } from "./factories";

let passwordHash: Promise<string> | undefined;

export type MemberOptions = {
  email?: string;
  firstName?: string;
  lastName?: string;
  stage?: MemberStage;
  locale?: MemberLocale;
  wallexStatus?: string | null;
  /** With TEST_PASSWORD set (as after accepting an invitation); default: no password yet. */
  withPassword?: boolean;
  totpSecret?: string | null;
};

/** A member row of `partner`, written directly (the staff-side signup creates them for real). */
export async function createMember(partner: { id: string }, opts: MemberOptions = {}): Promise<Member> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [member] = await getDb()
    .insert(members)
    .values({
      partnerId: partner.id,
      accountType: "individual",
      signupKind: "full",
      email: opts.email ?? `member-${randomUUID().slice(0, 12)}@example.test`,
      firstName: opts.firstName ?? "Test",
      lastName: opts.lastName ?? "Member",
      countryCode: "ID",
      stage: opts.stage ?? "invited",
      locale: opts.locale ?? "en",
      wallexStatus: opts.wallexStatus ?? null,
      passwordHash: opts.withPassword ? await passwordHash : null,
      totpSecret: opts.totpSecret ?? null,
    })
    .returning();
  return member;
}

/**
 * An invitation of `member`, as staff's invite would insert it (tokenHash from newInvitationSecret,
 * 72 h), and its link token "<id>.<secret>". `expiresAt`, `acceptedAt`, `revokedAt` make the
 * spent kinds.
 */
export async function createMemberInvitation(
  member: { id: string; partnerId: string },
  opts: { expiresAt?: Date; acceptedAt?: Date; revokedAt?: Date } = {},
) {
  const { secret, hash } = newInvitationSecret();
  const [invitation] = await getDb()
    .insert(memberInvitations)
    .values({
      partnerId: member.partnerId,
      memberId: member.id,
      tokenHash: hash,
      expiresAt: opts.expiresAt ?? new Date(Date.now() + INVITATION_TTL_MS),
      acceptedAt: opts.acceptedAt ?? null,
      revokedAt: opts.revokedAt ?? null,
    })
    .returning();
  return { invitation, token: invitationToken(invitation.id, secret) };
}
