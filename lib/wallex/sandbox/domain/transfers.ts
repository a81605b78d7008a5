import { iso } from "../clock";
import { badState, invalid } from "../errors";
import { uuid } from "../ids";
import { parseAmount } from "../arithmetic";
import type { Actor } from "../on-behalf-of";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { transferOutcome } from "../magic-values";
import { assertHoldable, post } from "./ledger";
import { assertMove } from "./lifecycle";

type TransferInput = {
  receiverAccountId: string;
  amount: unknown;
  currency: string;
  purposesOfTransfer?: string;
  purposeOfTransfer?: string;
  reference?: string;
  remarks?: string;
  supportingDocuments?: string[];
};

/**
 * Internal transfer between two accounts of the same partner. README D19: the sender is debited when
 * the create is accepted, the receiver credited on completion, the sender refunded on rejection.
 */
export function createTransfer(tx: Tx, actor: Actor, b: TransferInput): Doc {
  assertHoldable(b.currency, "currency");
  const amount = parseAmount(b.amount, "amount", b.currency);
  const receiver = tx.get("account", b.receiverAccountId);
  if (!receiver || receiver._partnerId !== actor.partner.id) {
    throw invalid("receiverAccountId", "must be an account of the same partnership");
  }
  if (receiver.id === actor.accountId) throw invalid("receiverAccountId", "must differ from the sender account");
  const id = uuid();
  post(tx, {
    partnerId: actor.partner.id,
    accountId: actor.accountId,
    currency: b.currency,
    amount,
    direction: "debit",
    type: "internal_transfer_out",
    relatedEntityType: "internal_transfer",
    relatedEntityId: id,
    reference: b.reference,
  });
  const transfer = tx.insert("transfer", {
    id,
    _partnerId: actor.partner.id,
    senderAccountId: actor.accountId,
    receiverAccountId: receiver.id,
    amount,
    currency: b.currency,
    purposesOfTransfer: b.purposesOfTransfer ?? b.purposeOfTransfer,
    reference: b.reference ?? null,
    remarks: b.remarks ?? null,
    supportingDocuments: b.supportingDocuments ?? [],
    status: "pending",
    createdAt: iso(tx.now),
    completedAt: null,
    failureReason: null,
  });
  const outcome = transferOutcome(b.reference);
  if (outcome === "hold") return transfer;
  return settleTransfer(tx, transfer, outcome === "rejected" ? "rejected" : "completed");
}

/** Completes (credit receiver) or rejects/fails (refund sender) a pending transfer. */
export function settleTransfer(
  tx: Tx,
  transfer: Doc,
  status: "completed" | "rejected" | "failed",
  reason?: string,
): Doc {
  if (transfer.status !== "pending") throw badState(`transfer is already ${transfer.status}`);
  assertMove("transfer", transfer.status, status);
  const leg =
    status === "completed"
      ? { accountId: transfer.receiverAccountId, direction: "credit" as const, type: "internal_transfer_in" }
      : { accountId: transfer.senderAccountId, direction: "credit" as const, type: "transfer_refund" };
  post(tx, {
    partnerId: transfer._partnerId,
    currency: transfer.currency,
    amount: transfer.amount,
    ...leg,
    relatedEntityType: "internal_transfer",
    relatedEntityId: transfer.id,
    reference: transfer.reference ?? undefined,
  });
  return tx.update("transfer", transfer.id, {
    status,
    completedAt: status === "completed" ? iso(tx.now) : null,
    failureReason: status === "completed" ? null : (reason ?? "rejected_by_compliance"),
  });
}
