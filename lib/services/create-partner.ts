import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { partners } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { insertInvitation } from "@/lib/data/team";
import { env } from "@/lib/env";
import { fieldError } from "@/lib/errors";
import type { CreatePartnerInput } from "@/lib/validations/partners";
import { INVITATION_TTL_MS, invitationToken, newInvitationSecret } from "./invitation-token";

const SYSTEM = { userId: null, email: "system (partner:create)" };

/**
 * A new partner and an invitation for its first admin, in one transaction with their audit rows.
 * The invitation link is returned once (only its hash is stored); whoever opens it sets a password
 * on /invite/<token> and is asked for two-factor authentication on first sign-in.
 */
export async function createPartnerWithAdminInvitation(db: Database, input: CreatePartnerInput) {
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.slug, input.slug)).limit(1);
    if (taken) throw fieldError("slug", `A partner with the slug "${input.slug}" exists already.`);
    const [partner] = await tx.insert(partners).values({ slug: input.slug, name: input.name }).returning();
    const { secret, hash } = newInvitationSecret();
    const scope = mintJobScope(partner.id, "partner:create");
    const invitation = await insertInvitation(tx, scope, {
      email: input.adminEmail,
      role: "admin",
      tokenHash: hash,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await recordAudit(tx, scope, {
      action: "partner.created",
      actor: SYSTEM,
      target: { type: "partner", id: partner.id },
      after: { slug: partner.slug, name: partner.name },
    });
    await recordAudit(tx, scope, {
      action: "team.invited",
      actor: SYSTEM,
      target: { type: "invitation", id: invitation.id },
      after: { email: invitation.email, role: invitation.role },
    });
    const invitationUrl = new URL(`/invite/${invitationToken(invitation.id, secret)}`, env().APP_URL).toString();
    return { partner, invitation, invitationUrl };
  });
}
