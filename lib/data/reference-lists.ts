import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { referenceLists } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/** The Wallex lists each partner keeps a copy of (lib/services/reference-lists.ts fetches them). */
export const REFERENCE_LIST_NAMES = ["countries", "businessTypes", "entityTypes", "productsUsage"] as const;
export type ReferenceListName = (typeof REFERENCE_LIST_NAMES)[number];
/** `key` is what goes back to Wallex, verbatim; `label` is what people read. */
export type ReferenceItem = { key: string; label: string };

/** The partner's cached copy of one list, or null when it was never fetched. */
export async function getReferenceListRow(db: Executor, scope: TenantScope, list: ReferenceListName) {
  const [row] = await db
    .select({ items: referenceLists.items, fetchedAt: referenceLists.fetchedAt })
    .from(referenceLists)
    .where(and(scopeWhere(referenceLists, scope), eq(referenceLists.list, list)))
    .limit(1);
  return row ?? null;
}

/** Replaces the partner's copy of one list (one row per partner and list). */
export async function saveReferenceListRow(
  db: Executor,
  scope: TenantScope,
  list: ReferenceListName,
  items: ReferenceItem[],
) {
  const fetchedAt = new Date();
  await db
    .insert(referenceLists)
    .values({ partnerId: scope.partnerId, list, items, fetchedAt })
    .onConflictDoUpdate({ target: [referenceLists.partnerId, referenceLists.list], set: { items, fetchedAt } });
  return fetchedAt;
}
