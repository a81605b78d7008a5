import { iso } from "../clock";
import { CHOICES } from "../config";
import type { Engine } from "../engine";
import { badState } from "../errors";
import { seededUuid, uuid } from "../ids";
import { D, round } from "../arithmetic";
import { collectionRejected } from "../magic-values";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { COLLECTION_PROVIDERS } from "../fixtures/lists";
import { post } from "./ledger";
import { assertMove } from "./lifecycle";
import { customerRate } from "./rates";

/** Deterministic VA number per (account, currency, provider, salt), as collections.md §7 suggests. */
export function vaNumber(accountId: string, currency: string, provider: string, salt = ""): string {
  const hex = seededUuid(`va:${accountId}:${currency}:${provider}:${salt}`).replace(/-/g, "");
  return String(BigInt(`0x${hex.slice(0, 15)}`))
    .padStart(16, "0")
    .slice(-12);
}

export function bankDetails(accountId: string, holder: string, currency: string, provider: string, salt = "") {
  const p = COLLECTION_PROVIDERS[currency]?.find((x) => x.provider === provider);
  return (p?.paymentTypes ?? ["local"]).map((paymentType) => ({
    bankName:
      paymentType === "swift" ? "Wallex Sandbox Bank (SWIFT)" : `Wallex Sandbox Bank ${p?.country ?? ""}`.trim(),
    currency,
    paymentType,
    accountNumber: vaNumber(accountId, currency, provider, salt),
    accountHolderName: holder,
    accountNumberType: currency === "EUR" || currency === "GBP" ? "iban" : "account_number",
    swiftCode: "WLXSSGSG",
    country: p?.country ?? "SG",
  }));
}

type Incoming = {
  amount: string;
  senderName?: string;
  senderAccountNumber?: string;
  paymentType?: string;
  reference?: string;
};

/** Money arrives on a virtual account: a pending collection (credited when completed). */
export function receiveCollection(engine: Engine, tx: Tx, va: Doc, m: Incoming): Doc {
  if (va.status !== "active")
    throw badState(`collection account is ${va.status}; the transfer is returned to the sender`);
  const fee = round(new D(m.amount).times(CHOICES.collectionFeeRate), va.currency);
  const col = tx.insert("collection", {
    id: uuid(),
    _partnerId: va._partnerId,
    accountId: va.accountId,
    collectionAccountId: va.id,
    currency: va.currency,
    amountOrigin: m.amount,
    fee,
    amount: round(new D(m.amount).minus(fee), va.currency),
    status: "pending",
    paymentType: m.paymentType ?? va.bankDetails[0]?.paymentType ?? "local",
    reference: m.reference ?? null,
    sender: { name: m.senderName ?? "Sandbox Payer Ltd", accountNumber: m.senderAccountNumber ?? "000123456789" },
    paymentDetails: {},
    collectionRequestId: null,
    createdAt: iso(tx.now),
    creditedAt: null,
  });
  engine.notify(tx, va._partnerId, {
    resource: "collection",
    resourceId: col.id,
    status: "pending",
    accountId: va.accountId,
  });
  return col;
}

/** pending → completed (credit the wallet) or rejected (magic values). */
export function settleCollection(
  engine: Engine,
  tx: Tx,
  col: Doc,
  to?: "completed" | "rejected",
  reason?: string,
): Doc {
  const status =
    to ?? (collectionRejected({ senderName: col.sender?.name, amount: col.amountOrigin }) ? "rejected" : "completed");
  assertMove("collection", col.status, status);
  const patch: Record<string, unknown> = { status };
  if (status === "completed") {
    post(tx, {
      partnerId: col._partnerId,
      accountId: col.accountId,
      currency: col.currency,
      amount: col.amount,
      direction: "credit",
      type: "collection",
      relatedEntityType: "collection",
      relatedEntityId: col.id,
      reference: col.reference ?? undefined,
    });
    patch.creditedAt = iso(tx.now);
  } else patch.failureReason = reason ?? "rejected_by_compliance";
  const updated = tx.update("collection", col.id, patch);
  engine.notify(tx, col._partnerId, {
    resource: "collection",
    resourceId: col.id,
    status,
    accountId: col.accountId,
    reason: patch.failureReason as string | undefined,
  });
  return updated;
}

export function collectionJob(engine: Engine, tx: Tx, job: Doc) {
  const col = tx.get("collection", job.ref);
  if (col?.status === "pending") settleCollection(engine, tx, col);
}

/** A payment against a collection request: converted into the settlement currency and credited. */
export function payRequest(engine: Engine, tx: Tx, req: Doc, amount?: string): Doc {
  if (!["pending", "partial_paid"].includes(req.status)) throw badState(`collection request is ${req.status}`);
  const remaining = new D(req.amount).minus(req.paidAmount);
  const paying = amount ? D.min(amount, remaining) : remaining;
  const paidAmount = round(new D(req.paidAmount).plus(paying), req.currency);
  const status = new D(paidAmount).gte(req.amount) ? "full_paid" : "partial_paid";
  const rate = customerRate(req.currency, req.settlementCurrency, tx.now);
  const settled = round(paying.times(rate).toDecimalPlaces(8, D.ROUND_DOWN), req.settlementCurrency);
  const col = tx.insert("collection", {
    id: uuid(),
    _partnerId: req._partnerId,
    accountId: req.accountId,
    collectionAccountId: null,
    collectionRequestId: req.id,
    currency: req.settlementCurrency,
    amount: settled,
    amountOrigin: round(paying, req.currency),
    currencyOrigin: req.currency,
    rate: rate.toString(),
    fee: round(0, req.settlementCurrency),
    status: "pending",
    paymentType: "local",
    reference: req.reference,
    sender: { name: req.payer?.name ?? "Payer", accountNumber: null },
    paymentDetails: {},
    createdAt: iso(tx.now),
    creditedAt: null,
  });
  settleCollection(engine, tx, col, "completed");
  const updated = tx.update("collectionRequest", req.id, {
    status,
    paidAmount,
    rate: rate.toString(),
    settlementAmount: round(new D(req.settlementAmount ?? 0).plus(settled), req.settlementCurrency),
    paidAt: status === "full_paid" ? iso(tx.now) : (req.paidAt ?? null),
    updatedAt: iso(tx.now),
  });
  engine.notify(tx, req._partnerId, {
    resource: "collection_request",
    resourceId: req.id,
    status,
    accountId: req.accountId,
  });
  return updated;
}

export function moveRequest(engine: Engine, tx: Tx, req: Doc, to: "cancel" | "expired"): Doc {
  assertMove("collection_request", req.status, to);
  const updated = tx.update("collectionRequest", req.id, {
    status: to,
    [to === "cancel" ? "cancelledAt" : "expiredAt"]: iso(tx.now),
    updatedAt: iso(tx.now),
  });
  engine.notify(tx, req._partnerId, {
    resource: "collection_request",
    resourceId: req.id,
    status: to,
    accountId: req.accountId,
  });
  return updated;
}

export function requestExpiryJob(engine: Engine, tx: Tx, job: Doc) {
  const req = tx.get("collectionRequest", job.ref);
  if (req?.status === "pending") moveRequest(engine, tx, req, "expired");
}
