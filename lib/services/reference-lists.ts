import "server-only";
import type { Database } from "@/db";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import {
  getReferenceListRow,
  REFERENCE_LIST_NAMES,
  saveReferenceListRow,
  type ReferenceItem,
  type ReferenceListName,
} from "@/lib/data/reference-lists";
import { listConnectedPartnerIds } from "@/lib/data/wallex-connections";
import { logger } from "@/lib/logger";
import { WallexAuthenticationError, WallexConnectionError, type WallexClient } from "@/lib/wallex/client";
import { wallexClientFor } from "@/lib/wallex/partner-client";

export { REFERENCE_LIST_NAMES, type ReferenceItem, type ReferenceListName };

/**
 * Where each list comes from (users.md §7.7–7.8, utils.md §1–2). Item shapes are not confirmed: read
 * `key` or `code` (or `value`) as the key and `description` or `name` as the label (utils.md §1).
 */
const SOURCES: Record<ReferenceListName, (c: WallexClient) => Promise<{ data: Record<string, unknown>[] }>> = {
  countries: (c) => c.utils.listCountries(),
  businessTypes: (c) => c.utils.listBusinessTypes(),
  entityTypes: (c) => c.users.listEntityTypes(),
  productsUsage: (c) => c.users.listProductsUsage(),
};

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

/** One listing item → `{key, label}`; the key is kept verbatim (D28), items without one are dropped. */
export function toReferenceItem(raw: Record<string, unknown>): ReferenceItem | null {
  const key = str(raw.key) ?? str(raw.code) ?? str(raw.value) ?? str(raw.name);
  if (!key) return null;
  return { key, label: str(raw.description) ?? str(raw.name) ?? key };
}

/**
 * Fetches one list from the partner's Wallex and stores it. An empty answer never replaces a list
 * we already have (a listing that briefly answers nothing must not empty the forms).
 */
export async function refreshReferenceList(
  db: Database,
  scope: TenantScope,
  list: ReferenceListName,
  client?: WallexClient,
): Promise<ReferenceItem[]> {
  const wallex = client ?? (await wallexClientFor(db, scope));
  const page = await SOURCES[list](wallex);
  const seen = new Set<string>();
  const items = page.data
    .map(toReferenceItem)
    .filter((i): i is ReferenceItem => i !== null && !seen.has(i.key) && !!seen.add(i.key));
  if (items.length === 0) {
    const cached = await getReferenceListRow(db, scope, list);
    if (cached) return cached.items;
  }
  await saveReferenceListRow(db, scope, list, items);
  return items;
}

/** The partner's cached list; fetched from Wallex on first use. */
export async function getReferenceList(
  db: Database,
  scope: TenantScope,
  list: ReferenceListName,
): Promise<ReferenceItem[]> {
  const cached = await getReferenceListRow(db, scope, list);
  return cached ? cached.items : refreshReferenceList(db, scope, list);
}

/**
 * Every list of one partner; a list that fails keeps its old copy and is reported, the others go on,
 * unless Wallex cannot be reached at all (then the rest are not tried until the next run).
 */
export async function refreshReferenceLists(db: Database, scope: TenantScope) {
  const client = await wallexClientFor(db, scope);
  const result: Partial<Record<ReferenceListName, number | "failed" | "skipped">> = {};
  let unreachable = false;
  for (const list of REFERENCE_LIST_NAMES) {
    if (unreachable) {
      result[list] = "skipped";
      continue;
    }
    try {
      result[list] = (await refreshReferenceList(db, scope, list, client)).length;
    } catch (error) {
      logger.warn({ err: error, partnerId: scope.partnerId, list }, "reference list refresh failed");
      result[list] = "failed";
      unreachable = error instanceof WallexConnectionError || error instanceof WallexAuthenticationError;
    }
  }
  return result;
}

/** The daily job `wallex.reference-lists`: every connected partner's lists fetched again (or those of `partnerIds`). */
export async function refreshReferenceListsOfAllPartners(db: Database, partnerIds?: string[]) {
  const results: Record<string, unknown> = {};
  for (const partnerId of partnerIds ?? (await listConnectedPartnerIds(db))) {
    const scope = mintJobScope(partnerId, "reference-lists");
    try {
      results[partnerId] = await refreshReferenceLists(db, scope);
    } catch (error) {
      logger.warn({ err: error, partnerId }, "reference lists refresh failed");
      results[partnerId] = "failed";
    }
  }
  return results;
}
