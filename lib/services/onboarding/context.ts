import "server-only";
import type { Database } from "@/db";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { getReferenceList } from "@/lib/services/reference-lists";
import type { OnboardingLists } from "@/lib/validations/onboarding";
import type { WallexClient } from "@/lib/wallex/client";
import { wallexClientFor } from "@/lib/wallex/partner-client";

/**
 * The partner-wide side of a member's onboarding: the partner's Wallex connection and its cached
 * lists are not the member's rows, so a member scope reaches them through a job scope of the same
 * partner (the member scope was minted from a live session of that partner).
 */
export function partnerSideOf(scope: TenantScope): TenantScope {
  return scope.kind === "member" ? mintJobScope(scope.partnerId, "member-onboarding") : scope;
}

export function onboardingClient(db: Database, scope: TenantScope): () => Promise<WallexClient> {
  return () => wallexClientFor(db, partnerSideOf(scope));
}

export type ListItem = { key: string; label: string };
export type OnboardingChoices = Record<keyof OnboardingLists, ListItem[]>;

/** Countries, business types, entity types and products usage from Wallex's listings (cached per partner). */
export async function onboardingChoices(db: Database, scope: TenantScope): Promise<OnboardingChoices> {
  const side = partnerSideOf(scope);
  const [countries, businessTypes, entityTypes, productsUsage] = await Promise.all([
    getReferenceList(db, side, "countries"),
    getReferenceList(db, side, "businessTypes"),
    getReferenceList(db, side, "entityTypes"),
    getReferenceList(db, side, "productsUsage"),
  ]);
  return { countries, businessTypes, entityTypes, productsUsage };
}

export function listsOf(choices: OnboardingChoices): OnboardingLists {
  return {
    countries: choices.countries.map((c) => c.key.toUpperCase()),
    businessTypes: choices.businessTypes.map((c) => c.key),
    entityTypes: choices.entityTypes.map((c) => c.key),
    productsUsage: choices.productsUsage.map((c) => c.key),
  };
}
