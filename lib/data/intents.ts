import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { wallexIntents, type WallexIntent } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

type IntentRequest = Pick<WallexIntent, "idempotencyKey" | "kind" | "operation" | "accountId" | "request">;

/** Records a create or fund before it is sent; a second submit of the same key records nothing. */
export async function recordIntent(db: Executor, scope: TenantScope, intent: IntentRequest) {
  await db
    .insert(wallexIntents)
    .values({ ...intent, partnerId: scope.partnerId })
    .onConflictDoNothing();
}

export async function getIntentByKey(db: Executor, scope: TenantScope, idempotencyKey: string) {
  const [intent] = await db
    .select()
    .from(wallexIntents)
    .where(and(scopeWhere(wallexIntents, scope), eq(wallexIntents.idempotencyKey, idempotencyKey)));
  return intent;
}

/** About to send (again): the request that goes out, one attempt more. */
export async function markIntentSending(
  db: Executor,
  scope: TenantScope,
  intentId: string,
  sending: Pick<WallexIntent, "request" | "accountId">,
) {
  await db
    .update(wallexIntents)
    .set({
      ...sending,
      state: "pending",
      attempts: sql`${wallexIntents.attempts} + 1`,
      error: null,
      updatedAt: new Date(),
    })
    .where(and(scopeWhere(wallexIntents, scope), eq(wallexIntents.id, intentId)));
}

/** Wallex refused it (failed) or did not answer in a way that says (unknown). */
export async function markIntentUnsettled(
  db: Executor,
  scope: TenantScope,
  intentId: string,
  state: "failed" | "unknown",
  error: string,
  at = new Date(),
) {
  await db
    .update(wallexIntents)
    .set({ state, error, updatedAt: at })
    .where(and(scopeWhere(wallexIntents, scope), eq(wallexIntents.id, intentId)));
}

export async function markIntentSucceeded(db: Executor, scope: TenantScope, intentId: string, wallexId: string) {
  await db
    .update(wallexIntents)
    .set({ state: "succeeded", wallexId, error: null, updatedAt: new Date() })
    .where(and(scopeWhere(wallexIntents, scope), eq(wallexIntents.id, intentId)));
}

/** Intents left pending or unknown since before `before` (a crash, a lost answer nobody retried). */
export async function listStaleOpenIntents(db: Executor, scope: TenantScope, before: Date, limit = 100) {
  return db
    .select()
    .from(wallexIntents)
    .where(
      and(
        scopeWhere(wallexIntents, scope),
        inArray(wallexIntents.state, ["pending", "unknown"]),
        lt(wallexIntents.updatedAt, before),
      ),
    )
    .limit(limit);
}

/** Whether one of the partner's intents of `kind` already produced the Wallex object `wallexId`. */
export async function isWallexObjectClaimedByIntent(db: Executor, scope: TenantScope, kind: string, wallexId: string) {
  const [claimed] = await db
    .select({ id: wallexIntents.id })
    .from(wallexIntents)
    .where(and(scopeWhere(wallexIntents, scope), eq(wallexIntents.kind, kind), eq(wallexIntents.wallexId, wallexId)))
    .limit(1);
  return !!claimed;
}
