import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { partners, staffMemberships, users, type StaffRole } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { findStaffScope, type StaffScope } from "@/lib/auth/scope";
import { createSession } from "@/lib/data/sessions";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export async function createPartner(name = "Test Partner") {
  const [partner] = await getDb()
    .insert(partners)
    .values({ slug: `t-${randomUUID().slice(0, 12)}`, name })
    .returning();
  return partner;
}

export async function createUser(opts: { email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await getDb()
    .insert(users)
    .values({
      email: opts.email ?? `user-${randomUUID().slice(0, 12)}@example.test`,
      name: opts.name ?? "Test User",
      passwordHash: await passwordHash,
    })
    .returning();
  return user;
}

/** A staff member of `partner` and the scope the app would mint for them (two-factor assumed on). */
export async function createStaff(partner: { id: string; slug: string }, role: StaffRole = "admin") {
  const user = await createUser({ name: `${role} of ${partner.slug}` });
  const [membership] = await getDb()
    .insert(staffMemberships)
    .values({ partnerId: partner.id, userId: user.id, role })
    .returning();
  const sessionId = await createSession(getDb(), user.id, { ip: "127.0.0.1", userAgent: "vitest" });
  const current = { id: user.id, email: user.email, name: user.name, sessionId, hasTwoFactor: true };
  const found = await findStaffScope(current, partner.slug);
  if (!("scope" in found)) throw new Error(`could not mint scope: ${found.problem}`);
  return { user, membership, scope: found.scope as StaffScope };
}
