import "server-only";
import type { Database } from "@/db";
import { refreshPermissionFor } from "@/lib/auth/permissions";
import { assertCan, type StaffScope } from "@/lib/auth/scope";
import { getMirrorRow } from "@/lib/data/mirror";
import { AppError, notFound } from "@/lib/errors";
import { refreshAccountMoney } from "@/lib/wallex/mirror/refresh-balances";
import { refreshObject } from "@/lib/wallex/mirror/refresh";
import { RESOURCES, type ResourceKind } from "@/lib/wallex/mirror/read-map";
import { wallexClientFor } from "@/lib/wallex/partner-client";

/**
 * Reads one mirrored object from Wallex now, instead of waiting for a webhook or the reconcile job.
 * Who may depends on the kind (compliance re-reads members, not money), so it is checked here.
 */
export async function refreshRecord(db: Database, scope: StaffScope, kind: ResourceKind, recordId: string) {
  assertCan(scope, refreshPermissionFor(kind));
  const def = RESOURCES[kind];
  const record = await getMirrorRow(db, scope, kind, recordId);
  if (!record) throw notFound("Record");
  if (!def.retrieve) {
    throw new AppError("CONFLICT", {
      userMessage: `Wallex cannot return a single ${def.label}; the reconcile job lists them again every night.`,
    });
  }
  const client = await wallexClientFor(db, scope);
  const applied = await refreshObject(db, client, scope, def, record, { source: "reconcile" });
  if (applied.statusChanged && def.ownedByAccount)
    await refreshAccountMoney(db, client, scope, applied.accountId, "reconcile");
  return { wallexId: record.wallexId, before: record.status, after: applied.status, changed: applied.changed };
}
