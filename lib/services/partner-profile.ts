import "server-only";
import type { Executor } from "@/db";
import type { StaffScope } from "@/lib/auth/scope";
import { getPartnerOrThrow, updatePartnerProfileRow, type PartnerProfile } from "@/lib/data/partners";

export async function updatePartnerProfile(db: Executor, scope: StaffScope, profile: PartnerProfile) {
  const before = await getPartnerOrThrow(db, scope);
  await updatePartnerProfileRow(db, scope, profile);
  const pick = ({ name, legalName, country, supportEmail, website }: PartnerProfile) => ({
    name,
    legalName,
    country,
    supportEmail,
    website,
  });
  return { before: pick(before), after: profile };
}
