import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { webhookEvents } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

/** Every event of one object that a drain took at once: one re-read answers them all. */
export type ObjectClaim = {
  partnerId: string;
  resource: string | null;
  resourceId: string | null;
  accountId: string | null;
  eventIds: string[];
  /** The oldest event (named on the timeline) and when the newest arrived (the mirror must be read after it). */
  firstEventId: string;
  /** Rounded up to the millisecond, for comparing with the mirror's read times. */
  lastReceivedAt: Date;
  lastReceivedUs: bigint;
};

const LEASE_MS = 120_000;
/** After this many attempts a failed event waits for a replay (the reconcile job keeps the mirror true meanwhile). */
export const MAX_ATTEMPTS = 8;

const w = webhookEvents;
/** Waiting: received, or failed and due for its retry; not held by another drain. */
const waiting = sql`${w.outcome} in ('received', 'failed') and (${w.outcome} = 'received' or (${w.outcome} = 'failed' and ${w.nextAttemptAt} <= now()))
  and (${w.claimedUntil} is null or ${w.claimedUntil} < now())`;

/**
 * The partners with waiting events (received at least `olderThanMs` ago), the longest-waiting first.
 * Global by design: this is how the drainer and the sweep learn which partners to mint a JobScope
 * for; it returns partner ids only, never an event.
 */
export async function listPartnersWithWaitingEvents(
  db: Executor,
  { olderThanMs = 0, partnerIds }: { olderThanMs?: number; partnerIds?: string[] } = {},
) {
  const rows = await db
    .select({ partnerId: w.partnerId })
    .from(w)
    .where(and(waiting, olderThan(olderThanMs), partnerIds ? inArray(w.partnerId, partnerIds) : undefined))
    .groupBy(w.partnerId)
    .orderBy(sql`min(${w.receivedAt})`);
  return rows.map((r) => r.partnerId);
}

const olderThan = (ms: number) =>
  ms > 0 ? sql`${w.receivedAt} <= now() - ${ms} * interval '1 millisecond'` : undefined;

/**
 * Leases every waiting event of the partner's `objects` longest-waiting objects, in one statement.
 * An object with an event leased by another drain is left to it; rows locked by a concurrent claim
 * are skipped, not waited for.
 */
export async function claimWaitingObjects(
  db: Executor,
  scope: TenantScope,
  { objects = 20, olderThanMs = 0 } = {},
): Promise<ObjectClaim[]> {
  const { partnerId } = scope;
  const claimable = sql`(e.outcome = 'received' or e.next_attempt_at <= now()) and (e.claimed_until is null or e.claimed_until < now())
    ${olderThanMs > 0 ? sql`and e.received_at <= now() - ${olderThanMs} * interval '1 millisecond'` : sql``}`;
  const result = await db.execute<ClaimedRow>(sql`
    with picked as (
      select e.resource, e.resource_id
      from ${w} e
      where e.partner_id = ${partnerId} and e.outcome in ('received', 'failed') and e.resource_id is not null
      group by e.resource, e.resource_id
      having bool_or(${claimable}) and not bool_or(coalesce(e.claimed_until >= now(), false))
      order by min(e.received_at) filter (where ${claimable})
      limit ${objects}
    ), due as (
      select e.id from ${w} e join picked p on e.resource = p.resource and e.resource_id = p.resource_id
      where e.partner_id = ${partnerId} and e.outcome in ('received', 'failed') and ${claimable}
      for update of e skip locked
    )
    update ${w} e
    set claimed_until = now() + ${LEASE_MS} * interval '1 millisecond', attempts = e.attempts + 1
    from due
    where e.id = due.id
    returning e.id, e.resource, e.resource_id, e.account_id, ${receivedMicros}
  `);
  return groupByObject(partnerId, result.rows);
}

/** Exact (microseconds since the epoch): a JavaScript Date would drop the microseconds. */
const receivedMicros = sql<string>`(extract(epoch from e.received_at) * 1000000)::bigint::text as received_us`;

/** Leases one of the partner's events (a replay, or a test working events one by one); undefined if it is not waiting. */
export async function claimWebhookEvent(
  db: Executor,
  scope: TenantScope,
  eventId: string,
): Promise<ObjectClaim | undefined> {
  const result = await db.execute<ClaimedRow>(sql`
    update ${w} e
    set claimed_until = now() + ${LEASE_MS} * interval '1 millisecond', attempts = e.attempts + 1
    where e.partner_id = ${scope.partnerId} and e.id = ${eventId} and e.outcome in ('received', 'failed')
    returning e.id, e.resource, e.resource_id, e.account_id, ${receivedMicros}
  `);
  return groupByObject(scope.partnerId, result.rows)[0];
}

type ClaimedRow = {
  id: string;
  resource: string | null;
  resource_id: string | null;
  account_id: string | null;
  received_us: string;
};

function groupByObject(partnerId: string, rows: ClaimedRow[]): ObjectClaim[] {
  const groups = new Map<string, ObjectClaim>();
  const ordered = [...rows].sort((a, b) => (BigInt(a.received_us) < BigInt(b.received_us) ? -1 : 1));
  for (const row of ordered) {
    const key = JSON.stringify([row.resource, row.resource_id]);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        partnerId,
        resource: row.resource,
        resourceId: row.resource_id,
        accountId: row.account_id,
        eventIds: [row.id],
        firstEventId: row.id,
        lastReceivedUs: BigInt(row.received_us),
        lastReceivedAt: new Date(0),
      });
    } else {
      group.eventIds.push(row.id);
      group.accountId ??= row.account_id;
      group.lastReceivedUs = BigInt(row.received_us); // rows are in order
    }
  }
  for (const group of groups.values()) group.lastReceivedAt = new Date(Number((group.lastReceivedUs + 999n) / 1000n)); // rounded up
  return [...groups.values()];
}

/**
 * Finishes the claimed events and every other waiting event of the same object received up to
 * `coveredUntil` (when the read that answers them started) with the same result.
 */
export async function finishClaimedObject(
  db: Executor,
  scope: TenantScope,
  claim: ObjectClaim,
  result: string,
  coveredUntil: Date,
) {
  // Every claimed event arrived before the claim, so before the read: covered too, to the microsecond.
  const lastClaimed = sql`timestamptz 'epoch' + ${claim.lastReceivedUs.toString()}::bigint * interval '1 microsecond'`;
  const finished = await db
    .update(w)
    .set({
      outcome: "processed",
      result,
      error: null,
      processedAt: sql`now()`,
      claimedUntil: null,
      nextAttemptAt: null,
      attempts: sql`greatest(${w.attempts}, 1)`,
    })
    .where(
      claim.resourceId === null || claim.resource === null
        ? and(scopeWhere(w, scope), inArray(w.id, claim.eventIds))
        : and(
            scopeWhere(w, scope),
            eq(w.resource, claim.resource),
            eq(w.resourceId, claim.resourceId),
            inArray(w.outcome, ["received", "failed"]),
            sql`${w.receivedAt} <= greatest(${coveredUntil.toISOString()}::timestamptz, ${lastClaimed})`,
          ),
    )
    .returning({ id: w.id });
  return finished.length;
}

/** The claimed events failed: retried with exponential back-off (10 s, 20 s, … up to an hour), up to MAX_ATTEMPTS. */
export async function failClaimedObject(db: Executor, scope: TenantScope, claim: ObjectClaim, message: string) {
  await db
    .update(w)
    .set({
      outcome: "failed",
      result: message,
      error: message,
      processedAt: sql`now()`,
      claimedUntil: null,
      nextAttemptAt: sql`case when ${w.attempts} >= ${MAX_ATTEMPTS} then null
        else now() + least(interval '1 hour', interval '10 seconds' * power(2, greatest(${w.attempts}, 1) - 1)) end`,
    })
    .where(and(scopeWhere(w, scope), inArray(w.id, claim.eventIds)));
}
