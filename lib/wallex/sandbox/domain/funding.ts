import { iso } from "../clock";
import { badState } from "../errors";
import type { Engine } from "../engine";
import { reference as newReference, uuid } from "../ids";
import { round } from "../arithmetic";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { balanceOf, post } from "./ledger";

type Movement = {
  partnerId: string;
  accountId: string;
  currency: string;
  amount: string;
  type: string;
  reference?: string;
  relatedEntityType?: string;
  relatedEntityId?: string;
  description?: string;
};

const LEDGER_TYPES = new Set(["payment_refund", "conversion_refund", "transfer_refund"]);

/**
 * A funding (bank top-up or refund). Completed at once (credit + "completed" notification) unless
 * `pending`, in which case nothing is credited until settleFunding.
 */
export function createFunding(engine: Engine, tx: Tx, m: Movement & { pending?: boolean }): Doc {
  const id = uuid();
  const funding = tx.insert("funding", {
    id,
    _partnerId: m.partnerId,
    accountId: m.accountId,
    balanceId: balanceOf(tx, m.partnerId, m.accountId, m.currency).id,
    currency: m.currency,
    amount: round(m.amount, m.currency),
    reference: m.reference ?? newReference("WXF"),
    type: m.type,
    status: "pending",
    relatedEntityType: m.relatedEntityType ?? null,
    relatedEntityId: m.relatedEntityId ?? null,
    description: m.description ?? null,
    createdAt: iso(tx.now),
    completedAt: null,
    failureReason: null,
  });
  if (m.pending) {
    engine.notify(tx, m.partnerId, { resource: "funding", resourceId: id, status: "pending", accountId: m.accountId });
    return funding;
  }
  return settleFunding(engine, tx, funding, "completed");
}

/** pending → completed (credit) or failed / rejected (nothing credited, e.g. unmatched reference). */
export function settleFunding(
  engine: Engine,
  tx: Tx,
  f: Doc,
  status: "completed" | "failed" | "rejected",
  reason?: string,
): Doc {
  if (f.status !== "pending") throw badState(`funding is already ${f.status}`);
  if (status === "completed") {
    post(tx, {
      partnerId: f._partnerId,
      accountId: f.accountId,
      currency: f.currency,
      amount: f.amount,
      direction: "credit",
      type: LEDGER_TYPES.has(f.type) ? f.type : "funding",
      relatedEntityType: "funding",
      relatedEntityId: f.id,
      reference: f.reference,
      description: f.description ?? undefined,
    });
  }
  const updated = tx.update("funding", f.id, {
    status,
    completedAt: status === "completed" ? iso(tx.now) : null,
    failureReason: status === "completed" ? null : (reason ?? "unmatched_reference"),
  });
  engine.notify(tx, f._partnerId, {
    resource: "funding",
    resourceId: f.id,
    status,
    accountId: f.accountId,
    reason: updated.failureReason ?? undefined,
  });
  return updated;
}

/** A completed deduction (fee, adjustment): debits the balance; insufficient balance is refused. */
export function createDeduction(engine: Engine, tx: Tx, m: Movement): Doc {
  const id = uuid();
  const ref = m.reference ?? newReference("WXD");
  const entry = post(tx, {
    partnerId: m.partnerId,
    accountId: m.accountId,
    currency: m.currency,
    amount: m.amount,
    direction: "debit",
    type: "deduction",
    relatedEntityType: "deduction",
    relatedEntityId: id,
    reference: ref,
    description: m.description,
  });
  const deduction = tx.insert("deduction", {
    id,
    _partnerId: m.partnerId,
    accountId: m.accountId,
    balanceId: entry.balanceId,
    currency: m.currency,
    amount: round(m.amount, m.currency),
    reference: ref,
    type: m.type,
    reason: m.description ?? m.type,
    status: "completed",
    relatedEntityType: m.relatedEntityType ?? null,
    relatedEntityId: m.relatedEntityId ?? null,
    createdAt: iso(tx.now),
    completedAt: iso(tx.now),
  });
  engine.notify(tx, m.partnerId, {
    resource: "deduction",
    resourceId: id,
    status: "completed",
    accountId: m.accountId,
  });
  return deduction;
}
