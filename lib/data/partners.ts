import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { partners } from "@/db/schema";
import type { StaffScope, TenantScope } from "@/lib/auth/tenant-scope";
import { notFound } from "@/lib/errors";

export { getWallexConnectionView } from "./wallex-connections";

export async function getPartnerOrThrow(db: Executor, scope: StaffScope) {
  const [partner] = await db.select().from(partners).where(eq(partners.id, scope.partnerId)).limit(1);
  if (!partner) throw notFound("Partner");
  return partner;
}

export type PartnerProfile = {
  name: string;
  legalName: string | null;
  country: string | null;
  supportEmail: string | null;
  website: string | null;
};

export async function updatePartnerProfileRow(db: Executor, scope: TenantScope, profile: PartnerProfile) {
  await db.update(partners).set(profile).where(eq(partners.id, scope.partnerId));
}
