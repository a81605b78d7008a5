import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { invitations, staffMemberships, wallexConnections } from "@/db/schema";
import { getPartnerOrThrow } from "@/lib/data/partners";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { auditedFor } from "@/lib/audit/audited";
import { updatePartnerProfile } from "./partner-profile";
import { saveWallexConnection } from "./wallex-connection/save";
import { changeRole, inviteStaff, removeStaff, resendInvitation, revokeInvitation } from "./team";

/**
 * Partner B's admin, holding only B's scope, aims at partner A's ids through the services: every
 * write is refused, with A's rows unchanged. Each data function's own check (with its positive
 * control) is in lib/data/tenant-isolation.test.ts.
 */
describe("tenant isolation of the services", () => {
  let a: Awaited<ReturnType<typeof setup>>;
  const db = getDb();

  async function setup() {
    const partnerA = await createPartner("Partner A");
    const partnerB = await createPartner("Partner B");
    const adminA = await createStaff(partnerA, "admin");
    const operatorA = await createStaff(partnerA, "operator");
    const adminB = await createStaff(partnerB, "admin");
    const invitation = await inviteStaff(db, adminA.scope, { email: "new@a.test", role: "viewer" });
    await saveWallexConnection(
      db,
      adminA.scope,
      {
        baseUrl: "https://api.wallex.asia",
        apiKey: "a-key-1234",
        accessKeyId: "a-id-1234",
        secretAccessKey: "a-secret-1234",
      },
      auditedFor(db, adminA.scope, "settings.wallex_connection_saved"),
      { registerWebhook: false },
    );
    return { partnerA, partnerB, adminA, operatorA, adminB, invitation };
  }

  beforeAll(async () => {
    a = await setup();
  });

  const notFound = { code: "NOT_FOUND" };

  test("writes with B's scope on A's ids are refused and change nothing", async () => {
    const scope = a.adminB.scope;
    await expect(changeRole(db, scope, a.operatorA.membership.id, "admin")).rejects.toMatchObject(notFound);
    await expect(removeStaff(db, scope, a.operatorA.membership.id)).rejects.toMatchObject(notFound);
    await expect(resendInvitation(db, scope, a.invitation.id)).rejects.toMatchObject(notFound);
    await expect(revokeInvitation(db, scope, a.invitation.id)).rejects.toMatchObject(notFound);

    const [membership] = await db
      .select()
      .from(staffMemberships)
      .where(eq(staffMemberships.id, a.operatorA.membership.id));
    expect(membership.role).toBe("operator");
    const [invitation] = await db.select().from(invitations).where(eq(invitations.id, a.invitation.id));
    expect(invitation).toMatchObject({ revokedAt: null, tokenHash: a.invitation.tokenHash });
  });

  test("B's settings writes land on B only", async () => {
    const scope = a.adminB.scope;
    await updatePartnerProfile(db, scope, {
      name: "B renamed",
      legalName: null,
      country: null,
      supportEmail: null,
      website: null,
    });
    await saveWallexConnection(
      db,
      scope,
      {
        baseUrl: "https://b.example",
        apiKey: "b-key-9999",
        accessKeyId: "b-id-9999",
        secretAccessKey: "b-secret-9999",
      },
      auditedFor(db, scope, "settings.wallex_connection_saved"),
      { registerWebhook: false },
    );
    expect((await getPartnerOrThrow(db, a.adminA.scope)).name).toBe("Partner A");
    const [connectionA] = await db
      .select()
      .from(wallexConnections)
      .where(eq(wallexConnections.partnerId, a.partnerA.id));
    expect(connectionA).toMatchObject({ baseUrl: "https://api.wallex.asia", apiKeyLast4: "1234" });
  });
});
