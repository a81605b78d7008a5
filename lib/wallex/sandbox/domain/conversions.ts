import { iso } from "../clock";
import type { Engine } from "../engine";
import { badState } from "../errors";
import { conversionFails } from "../magic-values";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { createFunding } from "./funding";
import { post } from "./ledger";
import { assertMove } from "./lifecycle";

const RESOURCE = "conversion";

/** Fund: debit the sell balance (totalAmount), then processing (conversions.md §4, §7). */
export function fundConversion(engine: Engine, tx: Tx, c: Doc): Doc {
  if (c.status !== "awaiting_funds") throw badState(`conversion cannot be funded in status ${c.status}`);
  if (c._cutoffAtMs <= tx.now) throw badState(`funding cut-off passed at ${c.fundingCutoffTime}`);
  post(tx, {
    partnerId: c._partnerId,
    accountId: c.accountId,
    currency: c.sellCurrency,
    amount: c.totalAmount,
    direction: "debit",
    type: "conversion_debit",
    relatedEntityType: RESOURCE,
    relatedEntityId: c.id,
    reference: c.referenceId ?? undefined,
  });
  return moveConversion(
    engine,
    tx,
    tx.update("conversion", c.id, { _funded: true, fundedAt: iso(tx.now) }),
    "processing",
  );
}

export const nextConversionStatus = (c: Doc) =>
  c.status === "processing" ? (conversionFails(c as never) ? "failed" : "completed") : null;

export function moveConversion(engine: Engine, tx: Tx, c: Doc, to: string, reason?: string): Doc {
  assertMove(RESOURCE, c.status, to);
  const patch: Record<string, unknown> = { status: to, updatedAt: iso(tx.now) };
  if (to === "completed") {
    post(tx, {
      partnerId: c._partnerId,
      accountId: c.accountId,
      currency: c.buyCurrency,
      amount: c.buyAmount,
      direction: "credit",
      type: "conversion_credit",
      relatedEntityType: RESOURCE,
      relatedEntityId: c.id,
      reference: c.referenceId ?? undefined,
    });
    patch.completedAt = iso(tx.now);
  }
  if (to === "failed") {
    patch.failureReason = reason ?? "conversion_failed";
    if (c._funded) {
      const f = createFunding(engine, tx, {
        partnerId: c._partnerId,
        accountId: c.accountId,
        currency: c.sellCurrency,
        amount: c.totalAmount,
        type: "conversion_refund",
        relatedEntityType: RESOURCE,
        relatedEntityId: c.id,
        description: `refund of conversion ${c.id}`,
      });
      patch.refundFundingId = f.id;
    }
  }
  const updated = tx.update("conversion", c.id, patch);
  engine.notify(tx, c._partnerId, {
    resource: RESOURCE,
    resourceId: c.id,
    status: to,
    accountId: c.accountId,
    reason: patch.failureReason as string | undefined,
  });
  const next = nextConversionStatus(updated);
  if (next && engine.delays)
    engine.schedule(tx, c._partnerId, "conversion.advance", c.id, engine.delays.conversion.processing, {
      from: updated.status,
      to: next,
    });
  return updated;
}

export function conversionJob(engine: Engine, tx: Tx, job: Doc) {
  const c = tx.get("conversion", job.ref);
  if (c && c.status === job.data.from) moveConversion(engine, tx, c, job.data.to);
}

export function conversionCutoffJob(engine: Engine, tx: Tx, job: Doc) {
  const c = tx.get("conversion", job.ref);
  if (c && c.status === "awaiting_funds") moveConversion(engine, tx, c, "failed", "funding_cutoff_passed");
}
