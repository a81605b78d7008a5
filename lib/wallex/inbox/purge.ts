import "server-only";
import type { Database } from "@/db";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { listPartnersWithRejectedEventsBefore, purgeRejectedWebhookEvents } from "@/lib/data/webhook-intake";

/** Rejected deliveries (forged, oversize, not a notification) are kept this long, for the Webhooks page. */
export const REJECTED_RETENTION_DAYS = 30;

/**
 * The scheduled purge: rejected rows older than the retention, partner by partner (only `scope`'s
 * when given); accepted events are never purged here.
 */
export async function purgeRejectedEvents(
  db: Database,
  { olderThanDays = REJECTED_RETENTION_DAYS, scope }: { olderThanDays?: number; scope?: TenantScope } = {},
) {
  const cutoff = new Date(Date.now() - olderThanDays * 86_400_000);
  // Ids from the inbox name existing partners (the events' foreign key).
  const scopes = scope
    ? [scope]
    : (await listPartnersWithRejectedEventsBefore(db, cutoff)).map((id) => mintJobScope(id, "inbox-purge"));
  let purged = 0;
  for (const partnerScope of scopes) purged += await purgeRejectedWebhookEvents(db, partnerScope, cutoff);
  return { purged };
}
