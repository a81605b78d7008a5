import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexTimeline } from "@/db/schema";
import type { MirrorTableDef, WallexObject } from "@/lib/records/mirror-tables";

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
 * Writes a Wallex object into its mirror table in one statement: inserted if new, updated only
 * when this read started after the one already stored. A status change also gets a timeline entry.
 */
export async function applyToMirror(
  db: Executor,
  partnerId: string,
  def: MirrorTableDef,
  object: WallexObject,
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const t = def.table;
  const projection = def.project(object);
  const values = {
    partnerId,
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
  const [row] = await db
    .insert(t)
    .values(values)
    .onConflictDoUpdate({
      target: [t.partnerId, t.wallexId],
      set: {
        // A write-through or webhook may know the owner when a listing does not say it.
        accountId: sql`coalesce(excluded.account_id, ${t.accountId})`,
        parentId: sql`coalesce(excluded.parent_id, ${t.parentId})`,
        status: sql`excluded.status`,
        previousStatus: sql`case when ${t.status} is distinct from excluded.status then ${t.status} else ${t.previousStatus} end`,
        currency: sql`excluded.currency`,
        amount: sql`excluded.amount`,
        reference: sql`coalesce(excluded.reference, ${t.reference})`,
        data: sql`excluded.data`,
        wallexCreatedAt: sql`coalesce(excluded.wallex_created_at, ${t.wallexCreatedAt})`,
        readAt: sql`excluded.read_at`,
        changedAt: sql`case when ${t.data} is distinct from excluded.data then now() else ${t.changedAt} end`,
        statusChangedAt: sql`case when ${t.status} is distinct from excluded.status then now() else ${t.statusChangedAt} end`,
      },
      setWhere: sql`${t.readAt} <= excluded.read_at`,
    })
    .returning({
      rowId: t.id,
      status: t.status,
      previousStatus: t.previousStatus,
      accountId: t.accountId,
      changed: sql<boolean>`${t.changedAt} = now()`,
      statusChanged: sql<boolean>`${t.statusChangedAt} = now()`,
    });
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
    await db.insert(wallexTimeline).values({
      partnerId,
      kind: def.kind,
      wallexId: object.id,
      accountId: row.accountId,
      status: row.status,
      previousStatus: row.previousStatus,
      source: opts.source,
      webhookEventId: opts.webhookEventId ?? null,
    });
  }
  return { ...row };
}
