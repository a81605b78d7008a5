import { iso } from "../clock";
import { badState, invalid } from "../errors";
import { currency as currencyOf } from "../fixtures/currencies";
import { seededUuid, uuid } from "../ids";
import { D, round } from "../arithmetic";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";

export type Movement = {
  partnerId: string;
  accountId: string;
  currency: string;
  amount: string;
  direction: "credit" | "debit";
  type: string;
  relatedEntityType: string;
  relatedEntityId: string;
  reference?: string;
  description?: string;
};

/** One balance per (account, currency), created lazily; its id is derived so lookups are O(1). */
export function balanceOf(tx: Tx, partnerId: string, accountId: string, code: string): Doc {
  const id = seededUuid(`balance:${accountId}:${code}`);
  return (
    tx.get("balance", id) ?? {
      id,
      _partnerId: partnerId,
      _seq: 0,
      accountId,
      currency: code,
      currencyName: currencyOf(code)?.name ?? code,
      amount: round(0, code),
      createdAt: iso(tx.now),
      updatedAt: iso(tx.now),
      _new: true,
    }
  );
}

export function assertHoldable(code: string, field: string) {
  if (!currencyOf(code)?.canHold) throw invalid(field, `${code} cannot be held in a wallet balance`);
}

/**
 * The only way money moves: changes one balance and writes exactly one history entry with the
 * running balance. A debit larger than the balance is refused and nothing is written.
 */
export function post(tx: Tx, m: Movement): Doc {
  const balance = balanceOf(tx, m.partnerId, m.accountId, m.currency);
  const before = new D(balance.amount);
  const after = m.direction === "credit" ? before.plus(m.amount) : before.minus(m.amount);
  if (after.isNegative()) {
    throw badState(
      `insufficient balance: ${m.currency} balance is ${round(before, m.currency)}, ${round(m.amount, m.currency)} is needed`,
    );
  }
  const { _new, ...rest } = balance;
  const amount = round(after, m.currency);
  if (_new) tx.insert("balance", { ...rest, amount, updatedAt: iso(tx.now) });
  else tx.update("balance", balance.id, { amount, updatedAt: iso(tx.now) });
  return tx.insert("entry", {
    id: uuid(),
    _partnerId: m.partnerId,
    accountId: m.accountId,
    balanceId: balance.id,
    currency: m.currency,
    amount: round(m.amount, m.currency),
    direction: m.direction,
    type: m.type,
    relatedEntityType: m.relatedEntityType,
    relatedEntityId: m.relatedEntityId,
    reference: m.reference ?? null,
    status: "completed",
    balanceBefore: round(before, m.currency),
    balanceAfter: amount,
    description: m.description ?? `${m.type} ${m.relatedEntityType} ${m.relatedEntityId}`,
    createdAt: iso(tx.now),
  });
}
