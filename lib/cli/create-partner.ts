import { parseArgs } from "node:util";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createPartnerWithAdminInvitation } from "@/lib/services/create-partner";
import { createPartnerSchema } from "@/lib/validations/partners";
import { openCliDatabase } from "./database";

const USAGE = 'Usage: npm run partner:create -- --slug acme --name "Acme Payments" --admin-email admin@acme.example';

/**
 * `npm run partner:create`: the first partner of a deployment (or any later one) and a one-time
 * invitation link for its admin, printed here. Audited like any other change.
 */
async function main() {
  const { values } = parseArgs({
    options: { slug: { type: "string" }, name: { type: "string" }, "admin-email": { type: "string" } },
  });
  const parsed = createPartnerSchema.safeParse({
    slug: values.slug ?? "",
    name: values.name ?? "",
    adminEmail: values["admin-email"] ?? "",
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  --${String(issue.path[0]).replace("adminEmail", "admin-email")}: ${issue.message}`,
    );
    throw new Error([USAGE, ...problems].join("\n"));
  }
  const { db, close } = await openCliDatabase();
  try {
    if (env().DATABASE_URL) await runMigrations(env().DATABASE_URL!);
    const { partner, invitation, invitationUrl } = await createPartnerWithAdminInvitation(db, parsed.data);
    console.log(`Created partner "${partner.name}" (/p/${partner.slug}).`);
    console.log(
      `Admin invitation for ${invitation.email}, valid until ${invitation.expiresAt.toISOString()}, usable once:`,
    );
    console.log(`  ${invitationUrl}`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error instanceof AppError ? error.userMessage : error instanceof Error ? error.message : error);
  process.exit(1);
});
