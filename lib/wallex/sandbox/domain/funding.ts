import { iso } from "../clock";
import type { Engine } from "../engine";
import { reference as newReference, uuid } from "../ids";
import { round } from "../money";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { balanceOf, post } from "./ledger";

type Movement = {
  partnerId: string; accountId: string; currency: string; amount: string; type: string;
  reference?: string; relatedEntityType?: string; relatedEntityId?: string; description?: string;
};

/** A completed funding (bank top-up or refund): credits the balance and notifies (resource "funding"). */
export function createFunding(engine: Engine, tx: Tx, m: Movement): Doc {
  const id = uuid();
  const ref = m.reference ?? newReference("WXF");
  const entry = post(tx, {
    partnerId: m.partnerId, accountId: m.accountId, currency: m.currency, amount: m.amount, direction: "credit",
    type: m.type === "payment_refund" || m.type === "conversion_refund" || m.type === "transfer_refund" ? m.type : "funding",
    relatedEntityType: "funding", relatedEntityId: id, reference: ref, description: m.description,
  });
  const funding = tx.insert("funding", {
    id, _partnerId: m.partnerId, accountId: m.accountId, balanceId: entry.balanceId, currency: m.currency,
    amount: round(m.amount, m.currency), reference: ref, type: m.type, status: "completed",
    relatedEntityType: m.relatedEntityType ?? null, relatedEntityId: m.relatedEntityId ?? null,
    createdAt: iso(tx.now), completedAt: iso(tx.now), failureReason: null,
  });
  engine.notify(tx, m.partnerId, { resource: "funding", resourceId: id, status: "completed", accountId: m.accountId });
  return funding;
}

/** A completed deduction (fee, adjustment): debits the balance; insufficient balance is refused. */
export function createDeduction(engine: Engine, tx: Tx, m: Movement): Doc {
  const id = uuid();
  const ref = m.reference ?? newReference("WXD");
  const entry = post(tx, {
    partnerId: m.partnerId, accountId: m.accountId, currency: m.currency, amount: m.amount, direction: "debit",
    type: "deduction", relatedEntityType: "deduction", relatedEntityId: id, reference: ref, description: m.description,
  });
  const deduction = tx.insert("deduction", {
    id, _partnerId: m.partnerId, accountId: m.accountId, balanceId: entry.balanceId, currency: m.currency,
    amount: round(m.amount, m.currency), reference: ref, type: m.type, reason: m.description ?? m.type,
    status: "completed", relatedEntityType: m.relatedEntityType ?? null, relatedEntityId: m.relatedEntityId ?? null,
    createdAt: iso(tx.now), completedAt: iso(tx.now),
  });
  engine.notify(tx, m.partnerId, { resource: "deduction", resourceId: id, status: "completed", accountId: m.accountId });
  return deduction;
}

export { balanceOf };
