import { count } from "drizzle-orm";
import { createDatabase } from "@/db";
import { partners } from "@/db/schema";
import { auditedFor } from "@/lib/audit/audited";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { listEmbeddedSandboxPartners } from "@/lib/data/wallex-connections";
import { followAppUrl, hasEmbeddedSandboxIdentity } from "@/lib/services/wallex-connection/embedded-sandbox";
import { connectEmbeddedSandbox } from "@/lib/services/wallex-connection/save";
import { closeEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { seedDemoData } from "./seed-demo";
import type { StartupPlan } from "./startup-plan";

export const FIRST_PARTNER_HELP = [
  "No partner yet. Create the first one and an invitation for its admin:",
  '  npm run partner:create -- --slug acme --name "Acme Payments" --admin-email admin@acme.example',
  "It prints a one-time invitation link; the admin sets a password there and two-factor authentication on first sign-in.",
].join("\n");

export type TenantsOutcome = { seeded: boolean; messages: string[] };

/**
 * The tenant side of a start: seeds the demo tenant when the plan says so, gives every tenant on the
 * embedded sandbox the sandbox identity it lost (an older database, a wiped sandbox schema), and
 * keeps the others' address and webhook on the current APP_URL, and otherwise explains how to
 * create the first partner. Closes its sandbox before the server starts.
 */
export async function prepareTenants(databaseUrl: string, plan: StartupPlan): Promise<TenantsOutcome> {
  const messages = [...plan.notes];
  try {
    const seeded = plan.seedDemo ? await seedDemoData(databaseUrl) : false;
    if (plan.sandbox) messages.push(...(await restoreSandboxIdentities(databaseUrl)));
    const { db, pool } = createDatabase(databaseUrl);
    try {
      const [{ n }] = await db.select({ n: count() }).from(partners);
      if (n === 0) messages.push(FIRST_PARTNER_HELP);
    } finally {
      await pool.end();
    }
    return { seeded, messages };
  } finally {
    await closeEmbeddedSandbox();
  }
}

async function restoreSandboxIdentities(databaseUrl: string) {
  const { db, pool } = createDatabase(databaseUrl);
  const messages: string[] = [];
  try {
    for (const partner of await listEmbeddedSandboxPartners(db)) {
      const scope = mintJobScope(partner.id, "startup");
      if (await hasEmbeddedSandboxIdentity(partner.id)) {
        if (await followAppUrl(db, scope, { webhookRegistered: !!partner.webhookRegisteredAt })) {
          messages.push(`Pointed ${partner.slug}'s embedded sandbox and webhook at the current APP_URL.`);
        }
        continue;
      }
      const audited = auditedFor(db, scope, "settings.embedded_sandbox_connected");
      await connectEmbeddedSandbox(db, scope, partner.name, audited, { registerWebhook: false });
      messages.push(`Gave ${partner.slug} a new embedded sandbox identity (register its webhook again in Settings).`);
    }
    return messages;
  } finally {
    await pool.end();
  }
}
