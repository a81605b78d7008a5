import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { partners, staffMemberships, users } from "@/db/schema";

export async function getUserByEmail(db: Executor, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return user ?? null;
}

export async function getUserById(db: Executor, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** The partners a person is staff of, with their role: the tenant switcher and scope minting use it. */
export async function listStaffMembershipsOfUser(db: Executor, userId: string) {
  return db
    .select({
      membershipId: staffMemberships.id,
      role: staffMemberships.role,
      partnerId: partners.id,
      partnerSlug: partners.slug,
      partnerName: partners.name,
    })
    .from(staffMemberships)
    .innerJoin(partners, eq(partners.id, staffMemberships.partnerId))
    .where(eq(staffMemberships.userId, userId))
    .orderBy(asc(partners.name));
}
