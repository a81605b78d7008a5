import "server-only";
import type { Executor } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import type { WallexClient } from "../client";
import { syncListing } from "./refresh";
import { RESOURCES } from "./read-map";
import type { MirrorSource } from "./store";

/**
 * Wallex sends no notification for balances or ledger entries, so they are re-read whenever
 * something that moves money changes status: the balances, and the newest page of history.
 */
export async function refreshAccountMoney(
  db: Executor,
  client: WallexClient,
  scope: TenantScope,
  accountId: string | null,
  source: MirrorSource,
) {
  await syncListing(db, client, scope, RESOURCES.balance, accountId, { source });
  await syncListing(db, client, scope, RESOURCES.balanceHistory, accountId, { source, maxPages: 1 });
}
