import "server-only";
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { webhookEvents } from "@/db/schema";

/** Every event of one object that a drain took at once: one re-read answers them all. */
export type ObjectClaim = {
  partnerId: string;
  resource: string | null;
  resourceId: string | null;
  accountId: string | null;
  eventIds: string[];
  /** The oldest event (named on the timeline) and the newest (the mirror must be read after it). */
  firstEventId: string;
  lastReceivedAt: Date;
};

const LEASE_MS = 120_000;
/** After this many attempts a failed event waits for a replay (the reconcile job keeps the mirror true meanwhile). */
export const MAX_ATTEMPTS = 8;

const w = webhookEvents;
/** Waiting: received, or failed and due for its retry; not held by another drain. */
const waiting = sql`(${w.outcome} = 'received' or (${w.outcome} = 'failed' and ${w.nextAttemptAt} <= now()))
  and (${w.claimedUntil} is null or ${w.claimedUntil} < now())`;

/** The partners with waiting events (received at least `olderThanMs` ago), the longest-waiting first. */
export async function partnersWaiting(db: Executor, { olderThanMs = 0, partnerIds }: { olderThanMs?: number; partnerIds?: string[] } = {}) {
  const rows = await db
    .select({ partnerId: w.partnerId })
    .from(w)
    .where(and(waiting, olderThan(olderThanMs), partnerIds ? inArray(w.partnerId, partnerIds) : undefined))
    .groupBy(w.partnerId)
    .orderBy(sql`min(${w.receivedAt})`);
  return rows.map((r) => r.partnerId);
}

const olderThan = (ms: number) => (ms > 0 ? sql`${w.receivedAt} <= now() - ${ms} * interval '1 millisecond'` : undefined);

/**
 * Leases the waiting events of the partner's `objects` longest-waiting objects, skipping objects
 * another drain holds, in one statement (rows locked by a concurrent claim are skipped, not waited for).
 */
export async function claimObjects(db: Executor, partnerId: string, { objects = 20, olderThanMs = 0 } = {}): Promise<ObjectClaim[]> {
  const result = await db.execute<{ id: string; resource: string | null; resource_id: string | null; account_id: string | null; received_at: string }>(sql`
    with due as (
      select e.id, e.resource, e.resource_id, e.received_at
      from ${w} e
      where e.partner_id = ${partnerId}
        and (e.outcome = 'received' or (e.outcome = 'failed' and e.next_attempt_at <= now()))
        and (e.claimed_until is null or e.claimed_until < now())
        ${olderThanMs > 0 ? sql`and e.received_at <= now() - ${olderThanMs} * interval '1 millisecond'` : sql``}
        and not exists (
          select 1 from ${w} held
          where held.partner_id = e.partner_id and held.resource is not distinct from e.resource
            and held.resource_id is not distinct from e.resource_id and held.claimed_until >= now()
            and held.outcome in ('received', 'failed')
        )
      order by e.received_at
      limit ${objects * 200}
      for update skip locked
    ), picked as (
      select resource, resource_id from due group by resource, resource_id order by min(received_at) limit ${objects}
    )
    update ${w} e
    set claimed_until = now() + ${LEASE_MS} * interval '1 millisecond', attempts = e.attempts + 1
    from due join picked on due.resource is not distinct from picked.resource and due.resource_id is not distinct from picked.resource_id
    where e.id = due.id
    returning e.id, e.resource, e.resource_id, e.account_id, e.received_at
  `);
  return groupByObject(partnerId, result.rows);
}

/** Leases one event (a replay, or a test working events one by one); undefined if it is not waiting. */
export async function claimEvent(db: Executor, eventId: string): Promise<ObjectClaim | undefined> {
  const [row] = await db
    .update(w)
    .set({ claimedUntil: sql`now() + ${LEASE_MS} * interval '1 millisecond'`, attempts: sql`${w.attempts} + 1` })
    .where(and(eq(w.id, eventId), inArray(w.outcome, ["received", "failed"])))
    .returning({ id: w.id, partnerId: w.partnerId, resource: w.resource, resource_id: w.resourceId, account_id: w.accountId, received_at: w.receivedAt });
  return row ? groupByObject(row.partnerId, [row])[0] : undefined;
}

type ClaimedRow = { id: string; resource: string | null; resource_id: string | null; account_id: string | null; received_at: string | Date };

function groupByObject(partnerId: string, rows: ClaimedRow[]): ObjectClaim[] {
  const groups = new Map<string, ObjectClaim>();
  const ordered = [...rows].sort((a, b) => new Date(a.received_at).getTime() - new Date(b.received_at).getTime());
  for (const row of ordered) {
    const key = JSON.stringify([row.resource, row.resource_id]);
    const receivedAt = new Date(row.received_at);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        partnerId, resource: row.resource, resourceId: row.resource_id, accountId: row.account_id,
        eventIds: [row.id], firstEventId: row.id, lastReceivedAt: receivedAt,
      });
    } else {
      group.eventIds.push(row.id);
      group.accountId ??= row.account_id;
      if (receivedAt > group.lastReceivedAt) group.lastReceivedAt = receivedAt;
    }
  }
  return [...groups.values()];
}

/**
 * Finishes the claimed events and every other waiting event of the same object received up to
 * `coveredUntil` (when the read that answers them started) with the same result.
 */
export async function finishObject(db: Executor, claim: ObjectClaim, result: string, coveredUntil: Date) {
  const sameObject =
    claim.resourceId === null
      ? inArray(w.id, claim.eventIds)
      : and(
          eq(w.partnerId, claim.partnerId),
          claim.resource === null ? sql`${w.resource} is null` : eq(w.resource, claim.resource),
          eq(w.resourceId, claim.resourceId),
          inArray(w.outcome, ["received", "failed"]),
          or(inArray(w.id, claim.eventIds), lte(w.receivedAt, coveredUntil)),
        );
  const finished = await db
    .update(w)
    .set({
      outcome: "processed", result, error: null, processedAt: sql`now()`, claimedUntil: null, nextAttemptAt: null,
      attempts: sql`greatest(${w.attempts}, 1)`,
    })
    .where(sameObject)
    .returning({ id: w.id });
  return finished.length;
}

/** The claimed events failed: retried with exponential back-off (10 s, 20 s, … up to an hour), up to MAX_ATTEMPTS. */
export async function failObject(db: Executor, claim: ObjectClaim, message: string) {
  await db
    .update(w)
    .set({
      outcome: "failed", result: message, error: message, processedAt: sql`now()`, claimedUntil: null,
      nextAttemptAt: sql`case when ${w.attempts} >= ${MAX_ATTEMPTS} then null
        else now() + least(interval '1 hour', interval '10 seconds' * power(2, greatest(${w.attempts}, 1) - 1)) end`,
    })
    .where(inArray(w.id, claim.eventIds));
}
