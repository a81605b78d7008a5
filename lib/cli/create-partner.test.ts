import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { asc, eq } from "drizzle-orm";
import { expect, inject, test } from "vitest";
import { getDb } from "@/db";
import { auditEvents, invitations, partners, staffMemberships } from "@/db/schema";
import { acceptInvitation } from "@/lib/services/accept-invitation";
import { createPartnerWithAdminInvitation } from "@/lib/services/create-partner";

const run = promisify(execFile);

test("npm run partner:create makes the partner, an admin invitation and their audit rows, and prints a one-time link", async () => {
  const slug = `acme-${crypto.randomUUID().slice(0, 6)}`;
  const { stdout } = await run(
    "npx",
    [
      "tsx",
      "--conditions=react-server",
      "lib/cli/create-partner.ts",
      "--slug",
      slug,
      "--name",
      "Acme Payments",
      "--admin-email",
      "Admin@Acme.test",
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: inject("databaseUrl"),
        APP_URL: "https://desk.example",
        LOG_LEVEL: "silent",
      },
    },
  );
  const link = /https:\/\/desk\.example\/invite\/(\S+)/.exec(stdout)?.[1];
  expect(link).toBeDefined();

  const db = getDb();
  const [partner] = await db.select().from(partners).where(eq(partners.slug, slug));
  expect(partner.name).toBe("Acme Payments");
  const [invitation] = await db.select().from(invitations).where(eq(invitations.partnerId, partner.id));
  expect(invitation).toMatchObject({ email: "admin@acme.test", role: "admin", acceptedAt: null });
  expect(stdout).not.toContain(invitation.tokenHash);
  const audit = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.partnerId, partner.id))
    .orderBy(asc(auditEvents.seq));
  expect(audit.map((a) => a.action)).toEqual(["partner.created", "team.invited"]);

  // The link works once, on the ordinary accept page's service.
  await acceptInvitation(
    db,
    link!,
    { kind: "new", name: "Ada Acme", password: "a-long-password-42" },
    { requestId: null, ip: null, userAgent: null },
  );
  const [membership] = await db.select().from(staffMemberships).where(eq(staffMemberships.partnerId, partner.id));
  expect(membership.role).toBe("admin");
  await expect(
    acceptInvitation(
      db,
      link!,
      { kind: "new", name: "Eve", password: "a-long-password-43" },
      { requestId: null, ip: null, userAgent: null },
    ),
  ).rejects.toMatchObject({ code: "CONFLICT" });
}, 60_000);

test("a taken slug is a clear refusal that changes nothing", async () => {
  const db = getDb();
  const slug = `dup-${crypto.randomUUID().slice(0, 6)}`;
  await createPartnerWithAdminInvitation(db, { slug, name: "First", adminEmail: "a@first.test" });
  await expect(
    createPartnerWithAdminInvitation(db, { slug, name: "Second", adminEmail: "b@second.test" }),
  ).rejects.toMatchObject({
    fieldErrors: { slug: [expect.stringMatching(/exists already/)] },
  });
  expect(await db.select().from(partners).where(eq(partners.slug, slug))).toHaveLength(1);
});

test("bad arguments print the usage and exit 1", async () => {
  const failure = await run(
    "npx",
    ["tsx", "--conditions=react-server", "lib/cli/create-partner.ts", "--slug", "Not A Slug", "--name", "X"],
    {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    },
  ).catch((error: { code: number; stderr: string }) => error);
  expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining("Usage: npm run partner:create") });
}, 60_000);
