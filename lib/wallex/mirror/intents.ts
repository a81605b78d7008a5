import "server-only";
import type { Database } from "@/db";
import type { WallexIntent } from "@/db/schema";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import {
  getIntentByKey,
  markIntentSending,
  markIntentSucceeded,
  markIntentUnsettled,
  recordIntent,
} from "@/lib/data/intents";
import { withLease } from "@/lib/data/leases";
import { AppError } from "@/lib/errors";
import type { WallexClient } from "../client";
import { WallexError } from "../client/errors";
import { resourceDef, type ResourceKind, type WallexObject } from "./read-map";
import { applyToMirror } from "./store";

/**
 * A create or fund that must reach Wallex at most once. `send` gets our reference (the intent id)
 * to put on the object; `readBack` looks for an object carrying it, or for the effect of a fund.
 */
export type Operation<Input> = {
  kind: ResourceKind;
  operation: string;
  send: (client: WallexClient, reference: string, input: Input, accountId: string | null) => Promise<WallexObject>;
  readBack: (
    client: WallexClient,
    reference: string,
    input: Input,
    accountId: string | null,
    intent: WallexIntent,
  ) => Promise<WallexObject | undefined>;
};

export type SendOnceResult = { wallexId: string; replayed: boolean };

export const unknownOutcome = () =>
  new AppError("PROVIDER_ERROR", {
    userMessage:
      "Wallex did not confirm this in time. Nothing will be sent twice: submit again and we first check whether it went through.",
  });

/**
 * Records the intent, then sends it at most once: a repeated submit with the same idempotency key
 * returns the first result, and an attempt whose outcome was lost is looked up at Wallex by our
 * reference before anything is sent again. Concurrent submits of one key wait for each other.
 */
export async function sendOnce<Input extends Record<string, unknown>>(
  db: Database,
  client: WallexClient,
  scope: TenantScope,
  op: Operation<Input>,
  args: { idempotencyKey: string; input: Input; accountId: string | null },
): Promise<SendOnceResult> {
  await recordIntent(db, scope, {
    idempotencyKey: args.idempotencyKey,
    kind: op.kind,
    operation: op.operation,
    accountId: args.accountId,
    request: args.input,
  });
  const load = async () => (await getIntentByKey(db, scope, args.idempotencyKey))!;
  const first = await load();
  if (first.kind !== op.kind || first.operation !== op.operation) {
    throw new AppError("CONFLICT", {
      userMessage: "This form was already used for something else. Reload the page and try again.",
    });
  }
  if (first.state === "succeeded") return { wallexId: first.wallexId!, replayed: true };

  return withLease(
    db,
    `intent:${first.id}`,
    async () => {
      const intent = await load();
      if (intent.state === "succeeded") return { wallexId: intent.wallexId!, replayed: true };
      // The first attempt's request stands until Wallex has answered it definitively.
      const input = intent.state === "failed" ? args.input : (intent.request as Input);
      const accountId = intent.state === "failed" ? args.accountId : intent.accountId;

      if (intent.attempts > 0 && intent.state !== "failed") {
        const readAt = new Date();
        const found = await op.readBack(client, intent.id, input, accountId, intent);
        if (found) return completeIntent(db, scope, op, intent, found, accountId, readAt, true);
      }

      await markIntentSending(db, scope, intent.id, { request: input, accountId });
      const readAt = new Date();
      let object: WallexObject;
      try {
        object = await op.send(client, intent.id, input, accountId);
      } catch (error) {
        // Only a 4xx says Wallex did nothing; after a 5xx, a timeout or a lost connection it may have.
        const refused = error instanceof WallexError && !!error.status && error.status >= 400 && error.status < 500;
        const message = error instanceof Error ? error.message : String(error);
        await markIntentUnsettled(db, scope, intent.id, refused ? "failed" : "unknown", message);
        throw refused || !(error instanceof WallexError) ? error : unknownOutcome();
      }
      return completeIntent(db, scope, op, intent, object, accountId, readAt, false);
    },
    INTENT_LEASE,
  );
}

/** Long enough for a read-back with its retries and the send (30 s timeout each). */
export const INTENT_LEASE = { ttlMs: 180_000, pollMs: 100 };

/** Marks the intent done and writes the object through to the mirror, in one transaction. */
export async function completeIntent<Input>(
  db: Database,
  scope: TenantScope,
  op: Operation<Input>,
  intent: WallexIntent,
  object: WallexObject,
  accountId: string | null,
  readAt: Date,
  replayed: boolean,
): Promise<SendOnceResult> {
  await db.transaction(async (tx) => {
    await applyToMirror(tx, scope, resourceDef(op.kind), object, { readAt, accountId, source: "write" });
    await markIntentSucceeded(tx, scope, intent.id, object.id);
  });
  return { wallexId: object.id, replayed };
}
