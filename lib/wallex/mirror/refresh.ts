import "server-only";
import type { Executor } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { getMirrorObjectState } from "@/lib/data/mirror-store";
import type { WallexClient } from "../client";
import type { OnBehalfOf, ResourceDef } from "./read-map";
import { applyToMirror, type ApplyResult, type MirrorSource } from "./store";

export type ObjectRef = { wallexId: string; accountId?: string | null; parentId?: string | null };

/** Acting for a member's account; none means the partner's own. */
export const forAccount = (accountId: string | null | undefined): OnBehalfOf =>
  accountId ? { account: accountId } : undefined;

export const onBehalfOfAccount = (def: ResourceDef, accountId: string | null | undefined): OnBehalfOf =>
  def.ownedByAccount ? forAccount(accountId) : undefined;

/**
 * Re-reads one object from Wallex and writes it to the mirror. The owner we recorded ourselves
 * wins over one a webhook claims; Wallex answers 404 for an object of another account either way.
 */
export async function refreshObject(
  db: Executor,
  client: WallexClient,
  scope: TenantScope,
  def: ResourceDef,
  ref: ObjectRef,
  opts: { source: MirrorSource; webhookEventId?: string | null },
): Promise<ApplyResult> {
  if (!def.retrieve) throw new Error(`a ${def.label} cannot be read back from Wallex`);
  const known = await getMirrorObjectState(db, scope, def.table, ref.wallexId);
  const accountId = known?.accountId ?? ref.accountId ?? null;
  const parentId = known?.parentId ?? ref.parentId ?? null;
  const readAt = new Date();
  const object = await def.retrieve(client, { wallexId: ref.wallexId, parentId }, onBehalfOfAccount(def, accountId));
  return applyToMirror(db, scope, def, object, { readAt, accountId, parentId, ...opts });
}

/** Reads every page of a listing (for one account, the partner's own, or one parent) into the mirror. */
export async function syncListing(
  db: Executor,
  client: WallexClient,
  scope: TenantScope,
  def: ResourceDef,
  accountId: string | null,
  opts: { source: MirrorSource; maxPages?: number; parentId?: string },
): Promise<{ seen: number; changed: number }> {
  const { parentId } = opts;
  const list = (page: number) =>
    parentId ? def.listByParent?.(client, parentId, page) : def.list?.(client, page, onBehalfOfAccount(def, accountId));
  let seen = 0;
  let changed = 0;
  for (let page = 1; page <= (opts.maxPages ?? 1000); page++) {
    const readAt = new Date();
    const result = await list(page);
    if (!result) throw new Error(`${def.label}s cannot be listed that way`);
    for (const object of result.data) {
      const applied = await applyToMirror(db, scope, def, object, {
        readAt,
        accountId,
        parentId,
        source: opts.source,
      });
      seen++;
      if (applied.changed) changed++;
    }
    const totalPages = result.pagination?.totalPages ?? 1;
    if (page >= totalPages || result.data.length === 0) break;
  }
  return { seen, changed };
}
