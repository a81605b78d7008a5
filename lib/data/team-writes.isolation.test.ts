import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { invitations, staffMemberships } from "@/db/schema";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { createPartner, createStaff } from "@/lib/testing/factories";
import {
  closeInvitation,
  deleteMembership,
  insertInvitation,
  renewInvitationToken,
  revokeExpiredInvitationsFor,
  setMembershipRole,
} from "./team";

const db = getDb();
const invitationRow = async (id: string) => (await db.select().from(invitations).where(eq(invitations.id, id)))[0];
const membershipRow = async (id: string) =>
  (await db.select().from(staffMemberships).where(eq(staffMemberships.id, id)))[0];

/** The team's write functions, aimed by partner B's scopes at A's ids; each first works for A. */
describe("tenant isolation: the team's write functions", () => {
  let a: Awaited<ReturnType<typeof createStaff>>;
  let b: Awaited<ReturnType<typeof createStaff>>;
  const scopesOfB = () => [b.scope, mintJobScope(b.scope.partnerId, "isolation-test")];
  const invite = (email: string, expiresAt = new Date(Date.now() + 60_000)) =>
    insertInvitation(db, a.scope, { email, role: "viewer", tokenHash: `hash-${email}`, expiresAt });

  beforeAll(async () => {
    a = await createStaff(await createPartner("Team A"), "admin");
    b = await createStaff(await createPartner("Team B"), "admin");
  });

  test("an invitation is inserted for the scope's partner, whatever the values say", async () => {
    const invitation = await insertInvitation(db, b.scope, {
      email: "x@b.test",
      role: "viewer",
      tokenHash: "h",
      expiresAt: new Date(Date.now() + 60_000),
      // @ts-expect-error the partner comes from the scope, never from the values
      partnerId: a.scope.partnerId,
    });
    expect(invitation.partnerId).toBe(b.scope.partnerId);
  });

  test("renewing and revoking A's invitation: A may, B's scopes change nothing", async () => {
    const invitation = await invite("renew@a.test");
    for (const scope of scopesOfB()) {
      expect(await renewInvitationToken(db, scope, invitation.id, { tokenHash: "forged", expiresAt: new Date() })).toBe(
        undefined,
      );
      expect(await closeInvitation(db, scope, invitation.id, "revoked")).toBe(false);
    }
    expect(await invitationRow(invitation.id)).toMatchObject({ tokenHash: "hash-renew@a.test", revokedAt: null });
    const renewed = await renewInvitationToken(db, a.scope, invitation.id, {
      tokenHash: "renewed",
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(renewed?.tokenHash).toBe("renewed");
    expect(await closeInvitation(db, a.scope, invitation.id, "revoked")).toBe(true);
    expect((await invitationRow(invitation.id)).revokedAt).not.toBeNull();
  });

  test("expired invitations give way only within the scope's partner", async () => {
    const expired = await invite("expired@a.test", new Date(Date.now() - 1000));
    for (const scope of scopesOfB()) await revokeExpiredInvitationsFor(db, scope, "EXPIRED@a.test");
    expect((await invitationRow(expired.id)).revokedAt).toBeNull();
    await revokeExpiredInvitationsFor(db, a.scope, "EXPIRED@a.test");
    expect((await invitationRow(expired.id)).revokedAt).not.toBeNull();
  });

  test("A's memberships: B's scopes can neither change a role nor remove anyone; A can", async () => {
    const operator = await createStaff({ id: a.scope.partnerId, slug: a.scope.partnerSlug }, "operator");
    for (const scope of scopesOfB()) {
      expect(await setMembershipRole(db, scope, operator.membership.id, "admin")).toBe(false);
      expect(await deleteMembership(db, scope, operator.membership.id)).toBe(false);
    }
    expect((await membershipRow(operator.membership.id)).role).toBe("operator");
    expect(await setMembershipRole(db, a.scope, operator.membership.id, "viewer")).toBe(true);
    expect((await membershipRow(operator.membership.id)).role).toBe("viewer");
    expect(await deleteMembership(db, a.scope, operator.membership.id)).toBe(true);
    expect(await membershipRow(operator.membership.id)).toBeUndefined();
  });
});
