import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { invitations, mailOutbox, staffMemberships } from "@/db/schema";
import { listStaffMembershipsOfUser } from "@/lib/data/users";
import { createPartner, createStaff, createUser } from "@/lib/testing/factories";
import { acceptInvitation, lookupInvitation } from "./accept-invitation";
import { inviteStaff, revokeInvitation } from "./team";

const db = getDb();
const meta = { requestId: "req", ip: "127.0.0.1", userAgent: "vitest" };

/** Invites `email` and digs the link's token out of the captured mail, as the invitee would. */
async function invite(email: string, role: "operator" | "viewer" = "operator") {
  const partner = await createPartner();
  const { scope } = await createStaff(partner, "admin");
  const invitation = await inviteStaff(db, scope, { email, role });
  const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
  const token = /\/invite\/(\S+)/.exec(mails.at(-1)!.text)![1];
  return { partner, scope, invitation, token };
}

describe("invitations", () => {
  test("a new person joins with a new account, once", async () => {
    const email = `new-${crypto.randomUUID()}@example.test`;
    const { partner, token } = await invite(email);
    expect(await lookupInvitation(db, token)).toMatchObject({ status: "valid" });
    const joined = await acceptInvitation(
      db,
      token,
      { kind: "new", name: "New Person", password: "long-enough-password" },
      meta,
    );
    expect(joined.partner.id).toBe(partner.id);
    expect(await lookupInvitation(db, token)).toEqual({ status: "used" });
    await expect(
      acceptInvitation(db, token, { kind: "new", name: "Again", password: "long-enough-password" }, meta),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("a person invited to a second partner joins with the same login", async () => {
    const existing = await createUser();
    const first = await invite(existing.email, "viewer");
    await acceptInvitation(db, first.token, { kind: "existing", userId: existing.id }, meta);
    const second = await invite(existing.email, "operator");
    expect(await lookupInvitation(db, second.token)).toMatchObject({ status: "valid" });
    await acceptInvitation(db, second.token, { kind: "existing", userId: existing.id }, meta);
    const memberships = await listStaffMembershipsOfUser(db, existing.id);
    expect(memberships.map((m) => m.partnerId).sort()).toEqual([first.partner.id, second.partner.id].sort());
  });

  test("someone else's account cannot take the invitation", async () => {
    const { token } = await invite(`target-${crypto.randomUUID()}@example.test`);
    const intruder = await createUser();
    await expect(acceptInvitation(db, token, { kind: "existing", userId: intruder.id }, meta)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("expired, revoked and forged links are told apart and join nobody", async () => {
    const expired = await invite(`late-${crypto.randomUUID()}@example.test`);
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.invitation.id));
    expect(await lookupInvitation(db, expired.token)).toEqual({ status: "expired" });

    const revoked = await invite(`gone-${crypto.randomUUID()}@example.test`);
    await revokeInvitation(db, revoked.scope, revoked.invitation.id);
    expect(await lookupInvitation(db, revoked.token)).toEqual({ status: "revoked" });

    const forged = `${revoked.invitation.id}.${"A".repeat(43)}`;
    expect(await lookupInvitation(db, forged)).toEqual({ status: "invalid" });
    await expect(
      acceptInvitation(db, forged, { kind: "new", name: "Forger", password: "long-enough-password" }, meta),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const members = await db.select().from(staffMemberships).where(eq(staffMemberships.partnerId, revoked.partner.id));
    expect(members).toHaveLength(1);
  });

  test("what an invitation link shows does not depend on whether the address has an account elsewhere", async () => {
    const elsewhere = await createUser();
    await createStaff(await createPartner("Another Partner"));
    const forExisting = await invite(elsewhere.email);
    const forNew = await invite(`fresh-${crypto.randomUUID()}@example.test`);
    const shape = (lookup: Awaited<ReturnType<typeof lookupInvitation>>) => {
      if (lookup.status !== "valid") throw new Error(lookup.status);
      const { invitation, partner, ...rest } = lookup;
      return { rest, invitation: Object.keys(invitation).sort(), partner: Object.keys(partner).sort() };
    };
    expect(shape(await lookupInvitation(db, forExisting.token))).toEqual(
      shape(await lookupInvitation(db, forNew.token)),
    );
    expect(shape(await lookupInvitation(db, forNew.token)).rest).toEqual({ status: "valid" });
  });

  test("a link whose id is no UUID (36 dashes) is simply not valid", async () => {
    expect(await lookupInvitation(db, `${"-".repeat(36)}.${"A".repeat(43)}`)).toEqual({ status: "invalid" });
    expect(await lookupInvitation(db, `${"f".repeat(36)}.${"A".repeat(43)}`)).toEqual({ status: "invalid" });
  });
});
