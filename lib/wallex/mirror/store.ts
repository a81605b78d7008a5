import "server-only";
import type { Executor } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { appendTimelineEntry, upsertMirrorObject } from "@/lib/data/mirror-store";
import type { MirrorTableDef, WallexObject } from "@/lib/records/mirror-tables";
import { syncMemberWithWallexUser } from "@/lib/services/members/status-sync";

export type MirrorSource = "write" | "webhook" | "reconcile";

export type ApplyOptions = {
  /** When the read (or the call) that returned `object` started. */
  readAt: Date;
  source: MirrorSource;
  accountId?: string | null;
  parentId?: string | null;
  webhookEventId?: string | null;
};

export type ApplyResult = {
  /** False when a newer read had already been applied, or nothing changed. */
  changed: boolean;
  statusChanged: boolean;
  status: string | null;
  previousStatus: string | null;
  accountId: string | null;
  rowId: string | null;
};

const text = (value: unknown) => (value === undefined || value === null || value === "" ? null : String(value));
const time = (value: unknown) => {
  const parsed = typeof value === "string" ? new Date(value) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
};

/**
 * Writes a Wallex object into its mirror table (lib/data/mirror-store.ts): inserted if new,
 * updated only when this read started after the one already stored. A status change also gets a
 * timeline entry, and a changed user updates its member (lib/services/members/status-sync.ts).
 */
export async function applyToMirror(
  db: Executor,
  scope: TenantScope,
  def: MirrorTableDef,
  object: WallexObject,
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const projection = def.project(object);
  const values = {
    wallexId: object.id,
    accountId: opts.accountId ?? text(object.accountId),
    parentId: opts.parentId ?? text(projection.parentId),
    status: text(object.status),
    currency: text(projection.currency),
    amount: text(projection.amount),
    reference: text(projection.reference),
    data: object,
    wallexCreatedAt: time(projection.createdAt),
    readAt: opts.readAt,
  };
  const row = await upsertMirrorObject(db, scope, def.table, values);
  if (!row)
    return {
      changed: false,
      statusChanged: false,
      status: values.status,
      previousStatus: null,
      accountId: values.accountId,
      rowId: null,
    };

  // Balances and ledger entries have no status: they change, but have no history of states.
  if (row.statusChanged && row.status !== null) {
    await appendTimelineEntry(db, scope, {
      kind: def.kind,
      wallexId: object.id,
      accountId: row.accountId,
      status: row.status,
      previousStatus: row.previousStatus,
      source: opts.source,
      webhookEventId: opts.webhookEventId ?? null,
    });
  }
  // Every way a user reaches the mirror passes here: the member it belongs to follows.
  if (def.kind === "user") await syncMemberWithWallexUser(db, scope, object, { ...row, readAt: opts.readAt });
  return { ...row };
}
