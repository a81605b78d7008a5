import { iso } from "../clock";
import type { Engine } from "../engine";
import { badState } from "../errors";
import { paymentOutcome } from "../magic-values";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { createFunding } from "./funding";
import { post } from "./ledger";
import { assertMove, HAPPY_NEXT } from "./lifecycle";
import { buildPdf } from "./receipt";

const RESOURCE = "simple_payment";

/** Where automatic progression goes from a status, given the magic values (null = wait for a helper). */
export function nextPaymentStatus(p: Doc, legacy = false): string | null {
  const outcome = paymentOutcome(p as never);
  if (legacy) {
    if (p.status !== "processing") return null;
    return outcome === "rejected"
      ? "rejected"
      : outcome === "failed"
        ? "failed"
        : outcome === "hold"
          ? null
          : "completed";
  }
  if (p.status === "under_review")
    return outcome === "rejected" ? "rejected" : outcome === "hold" ? null : "processing";
  if (p.status === "in_transit" && outcome === "failed") return "failed";
  return HAPPY_NEXT[RESOURCE][p.status] ?? null;
}

/** Wallet funding: debit totalAmount in the sell currency, then under_review. Nothing moves on failure. */
export function fundPayment(engine: Engine, tx: Tx, p: Doc): Doc {
  if (p.status !== "awaiting_funds") throw badState(`payment cannot be funded in status ${p.status}`);
  if (p._cutoffAtMs <= tx.now) throw badState(`funding cut-off passed at ${p.fundingCutoffTime}`);
  post(tx, {
    partnerId: p._partnerId,
    accountId: p.accountId,
    currency: p.sellCurrency,
    amount: p.totalAmount,
    direction: "debit",
    type: "payment",
    relatedEntityType: RESOURCE,
    relatedEntityId: p.id,
    reference: p.fundingReference,
  });
  return movePayment(
    engine,
    tx,
    tx.update("payment", p.id, { _funded: true, fundedAt: iso(tx.now) }),
    firstStep(engine),
  );
}

const firstStep = (engine: Engine) => (engine.options.legacyPaymentStatuses ? "processing" : "under_review");

/** Marks a bank-transfer funded payment as received (no wallet debit). */
export function receiveBankTransfer(engine: Engine, tx: Tx, p: Doc): Doc {
  if (p.status !== "awaiting_funds") throw badState(`payment cannot be funded in status ${p.status}`);
  return movePayment(engine, tx, tx.update("payment", p.id, { fundedAt: iso(tx.now) }), firstStep(engine));
}

/** One status step with its side effects: refund, receipt, settlements, webhook, next timer. */
export function movePayment(engine: Engine, tx: Tx, p: Doc, to: string, reason?: string): Doc {
  assertMove(engine.options.legacyPaymentStatuses ? `${RESOURCE}_legacy` : RESOURCE, p.status, to);
  const patch: Record<string, unknown> = { status: to, updatedAt: iso(tx.now) };
  if (to === "failed" || to === "rejected") {
    patch.failureReason = reason ?? (to === "rejected" ? "rejected_by_compliance" : "payout_failed");
    if (p._funded) {
      const funding = createFunding(engine, tx, {
        partnerId: p._partnerId,
        accountId: p.accountId,
        currency: p.sellCurrency,
        amount: p.totalAmount,
        type: "payment_refund",
        relatedEntityType: RESOURCE,
        relatedEntityId: p.id,
        description: `refund of payment ${p.id}`,
      });
      patch.refundFundingId = funding.id;
    }
  }
  if (p.settlements) {
    const partStatus =
      to === "completed"
        ? "completed"
        : to === "failed" || to === "rejected"
          ? "failed"
          : to === "in_transit"
            ? "in_transit"
            : "pending";
    patch.settlements = p.settlements.map((s: Doc) => ({ ...s, status: partStatus }));
  }
  if (to === "completed") {
    patch.completedAt = iso(tx.now);
    tx.insert("object", {
      id: `receipt-${p.id}`,
      _partnerId: p._partnerId,
      contentType: "application/pdf",
      uploadedAt: iso(tx.now),
      data: receipt({ ...p, ...patch }).toString("base64"),
    });
  }
  const updated = tx.update("payment", p.id, patch);
  engine.notify(tx, p._partnerId, {
    resource: RESOURCE,
    resourceId: p.id,
    status: to,
    accountId: p.accountId,
    reason: patch.failureReason as string | undefined,
  });
  scheduleNext(engine, tx, updated);
  return updated;
}

function scheduleNext(engine: Engine, tx: Tx, p: Doc) {
  if (!engine.delays) return;
  const to = nextPaymentStatus(p, engine.options.legacyPaymentStatuses);
  if (!to) return;
  const delay = engine.delays.payment[p.status as keyof typeof engine.delays.payment] ?? 0;
  engine.schedule(tx, p._partnerId, "payment.advance", p.id, delay, { from: p.status, to });
}

export function paymentJob(engine: Engine, tx: Tx, job: Doc) {
  const p = tx.get("payment", job.ref);
  if (p && p.status === job.data.from) movePayment(engine, tx, p, job.data.to);
}

export function paymentCutoffJob(engine: Engine, tx: Tx, job: Doc) {
  const p = tx.get("payment", job.ref);
  if (p && p.status === "awaiting_funds") movePayment(engine, tx, p, "failed", "funding_cutoff_passed");
}

function receipt(p: Doc): Buffer {
  const b = p.beneficiary ?? {};
  return buildPdf([
    "Wallex Sandbox - Payment confirmation",
    `Payment ID: ${p.id}`,
    `Status: ${p.status}   Completed at: ${p.completedAt}`,
    `Sell: ${p.sellAmount} ${p.sellCurrency}   Buy: ${p.buyAmount} ${p.buyCurrency}   Rate: ${p.rate}`,
    `Fees: ${p.totalFee} ${p.sellCurrency}   Total debited: ${p.totalAmount} ${p.sellCurrency}`,
    `Beneficiary: ${b.companyName ?? [b.firstName, b.lastName].filter(Boolean).join(" ")} (${b.bankAccount?.bankName ?? ""})`,
    `Account: ${b.bankAccount?.accountNumber ?? ""}   Channel: ${p.paymentChannel}`,
    `Reference: ${p.paymentReference ?? ""}   Funding reference: ${p.fundingReference}`,
    "This document was generated by the Wallex sandbox and has no legal value.",
  ]);
}
