import { eq } from "drizzle-orm";
import { createDatabase } from "@/db";
import { partners, users, type StaffRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { addStaffMembership } from "@/lib/data/staff-memberships";
import { embeddedSandboxEnabled } from "@/lib/env";
import { auditedFor } from "@/lib/audit/audited";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { connectEmbeddedSandbox } from "@/lib/services/wallex-connection/save";

export const DEMO_PARTNER_SLUG = "demo";
export const DEMO_PASSWORD = "partnerdesk-demo";
export const demoStaff: { email: string; name: string; role: StaffRole }[] = [
  { email: "admin@demo.test", name: "Ada Admin", role: "admin" },
  { email: "operator@demo.test", name: "Oscar Operator", role: "operator" },
  { email: "compliance@demo.test", name: "Cora Compliance", role: "compliance" },
  { email: "viewer@demo.test", name: "Vera Viewer", role: "viewer" },
];

/**
 * Seeds "Demo Partner" with one user per role (known passwords: local demos and tests only) and a
 * Wallex connection to the embedded sandbox with a sandbox identity generated for it. Idempotent.
 * Needs WALLEX_SANDBOX_EMBEDDED=true; the caller closes the sandbox (closeEmbeddedSandbox).
 */
export async function seedDemoData(databaseUrl: string): Promise<boolean> {
  if (!embeddedSandboxEnabled())
    throw new Error("The demo tenant uses the embedded sandbox: set WALLEX_SANDBOX_EMBEDDED=true.");
  const { db, pool } = createDatabase(databaseUrl);
  try {
    const [existing] = await db.select().from(partners).where(eq(partners.slug, DEMO_PARTNER_SLUG)).limit(1);
    if (existing) return false;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const partner = await db.transaction(async (tx) => {
      const [partner] = await tx
        .insert(partners)
        .values({ slug: DEMO_PARTNER_SLUG, name: "Demo Partner", legalName: "Demo Partner Pte. Ltd.", country: "SG" })
        .returning();
      const scope = mintJobScope(partner.id, "seed-demo");
      for (const person of demoStaff) {
        const [user] = await tx
          .insert(users)
          .values({ email: person.email, name: person.name, passwordHash })
          .onConflictDoNothing()
          .returning();
        if (user) await addStaffMembership(tx, scope, user.id, person.role);
      }
      await recordAudit(tx, scope, {
        action: "partner.seeded",
        actor: { userId: null, email: "system" },
        target: { type: "partner", id: partner.id },
        after: { name: partner.name, staff: demoStaff.map((s) => `${s.email} (${s.role})`) },
      });
      return partner;
    });
    const scope = mintJobScope(partner.id, "seed-demo");
    const audited = auditedFor(db, scope, "settings.embedded_sandbox_connected");
    await connectEmbeddedSandbox(db, scope, partner.name, audited, { registerWebhook: false });
    return true;
  } finally {
    await pool.end();
  }
}

export function printDemoLogins(created: boolean) {
  const lines = demoStaff.map((s) => `  ${s.role.padEnd(11)} ${s.email.padEnd(22)} ${DEMO_PASSWORD}`);
  console.log(
    [
      created ? "Seeded Demo Partner. Sign in with:" : "Demo Partner sign-ins:",
      ...lines,
      "  (the admin is asked to set up two-factor authentication on first sign-in)",
    ].join("\n"),
  );
}
