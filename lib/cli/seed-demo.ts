import { eq } from "drizzle-orm";
import { createDatabase } from "@/db";
import { partners, staffMemberships, users, wallexConnections, type StaffRole } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret, last4 } from "@/lib/crypto";
import { env } from "@/lib/env";
import { demoWallexCredentials, embeddedSandboxBaseUrl } from "@/lib/wallex/demo";

export const DEMO_PARTNER_SLUG = "demo";
export const DEMO_PASSWORD = "partnerdesk-demo";
export const demoStaff: { email: string; name: string; role: StaffRole }[] = [
  { email: "admin@demo.test", name: "Ada Admin", role: "admin" },
  { email: "operator@demo.test", name: "Oscar Operator", role: "operator" },
  { email: "compliance@demo.test", name: "Cora Compliance", role: "compliance" },
  { email: "viewer@demo.test", name: "Vera Viewer", role: "viewer" },
];

/** Seeds "Demo Partner" with one user per role and a Wallex connection to the embedded sandbox. Idempotent. */
export async function seedDemoData(databaseUrl: string): Promise<boolean> {
  const { db, pool } = createDatabase(databaseUrl);
  try {
    const [existing] = await db.select().from(partners).where(eq(partners.slug, DEMO_PARTNER_SLUG)).limit(1);
    if (existing) return false;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.transaction(async (tx) => {
      const [partner] = await tx
        .insert(partners)
        .values({ slug: DEMO_PARTNER_SLUG, name: "Demo Partner", legalName: "Demo Partner Pte. Ltd.", country: "SG" })
        .returning();
      for (const person of demoStaff) {
        const [user] = await tx
          .insert(users)
          .values({ email: person.email, name: person.name, passwordHash })
          .onConflictDoNothing()
          .returning();
        if (user) await tx.insert(staffMemberships).values({ partnerId: partner.id, userId: user.id, role: person.role });
      }
      const credentials = demoWallexCredentials(env());
      await tx.insert(wallexConnections).values({
        partnerId: partner.id,
        baseUrl: embeddedSandboxBaseUrl(env().APP_URL),
        apiKey: encryptSecret(credentials.apiKey),
        accessKeyId: encryptSecret(credentials.accessKeyId),
        secretAccessKey: encryptSecret(credentials.secretAccessKey),
        apiKeyLast4: last4(credentials.apiKey),
        accessKeyIdLast4: last4(credentials.accessKeyId),
        secretAccessKeyLast4: last4(credentials.secretAccessKey),
      });
      await recordAudit(tx, {
        partnerId: partner.id,
        action: "partner.seeded",
        actor: { userId: null, email: "system" },
        target: { type: "partner", id: partner.id },
        after: { name: partner.name, staff: demoStaff.map((s) => `${s.email} (${s.role})`) },
      });
    });
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
