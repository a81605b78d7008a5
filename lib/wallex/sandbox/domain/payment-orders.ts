import { iso } from "../clock";
import { CHOICES } from "../config";
import type { Engine } from "../engine";
import { invalid } from "../errors";
import { reference, uuid } from "../ids";
import { D, round } from "../arithmetic";
import type { Actor } from "../on-behalf-of";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { channelFor, channels, type Channel } from "./channels";
import { assertHoldable } from "./ledger";
import { insertQuote, parseCurrency, parseSide, price, takeQuote } from "./quotes";
import { fromUsd } from "./rates";
import type { LooseObject } from "../loose-json";

function beneficiaryOf(tx: Tx, actor: Actor, id: unknown): Doc {
  if (typeof id !== "string") throw invalid("beneficiaryId", "must be a string");
  const b = tx.get("beneficiary", id);
  if (!b || b._partnerId !== actor.partner.id || b.accountId !== actor.accountId)
    throw invalid("beneficiaryId", "unknown beneficiary");
  return b;
}

/** Without a beneficiary the channel is local when the currency has a local corridor, unless SWIFT is asked for. */
function channelWithout(currency: string, preferred: unknown): Channel {
  const local = channels(currency).find((ch) => ch.settlementMethod === "local");
  return preferred === "swift" || !local ? channelFor(currency, "*") : local;
}

/** Payment Quote (payments.md §2): locked rate, fees by channel, split settlement, documents flag. */
export function quotePayment(tx: Tx, actor: Actor, body: LooseObject): Doc {
  const sell = parseCurrency(body.sellCurrency, "sellCurrency");
  assertHoldable(sell, "sellCurrency");
  let buy = body.buyCurrency === undefined ? undefined : parseCurrency(body.buyCurrency, "buyCurrency");
  const ben = body.beneficiaryId === undefined ? undefined : beneficiaryOf(tx, actor, body.beneficiaryId);
  if (ben) {
    if (buy && buy !== ben.bankAccount.currency)
      throw invalid("buyCurrency", `must be the beneficiary's currency ${ben.bankAccount.currency}`);
    buy = ben.bankAccount.currency as string;
  }
  if (!buy) throw invalid("buyCurrency", "is required");
  const pricing = price(tx.now, sell, buy, body.amount, parseSide(body.fixedSide));
  const channel = ben ? channelFor(buy, ben.bankAccount.country) : channelWithout(buy, body.paymentChannel);
  const fees = CHOICES.feesUsd[channel.settlementMethod];
  const paymentFee = round(fromUsd(fees.paymentFee, sell, tx.now), sell);
  const bankCharges = round(fromUsd(fees.bankCharges, sell, tx.now), sell);
  const totalFee = round(new D(paymentFee).plus(bankCharges), sell);
  const parts = new D(pricing.buyAmount).div(channel.maxAmount).ceil().toNumber();
  return insertQuote(tx, actor, "payment", {
    ...pricing,
    beneficiaryId: ben?.id ?? null,
    paymentChannel: channel.settlementMethod,
    conversionFee: round(0, sell),
    paymentFee,
    bankCharges,
    partnerPaymentFee: round(0, sell),
    totalFee,
    totalAmount: round(new D(pricing.sellAmount).plus(totalFee), sell),
    supportingDocumentsRequired: fromUsd(CHOICES.supportingDocumentsAboveUsd, sell, tx.now).lt(pricing.sellAmount),
    splitSettlement: parts > 1,
    settlementCount: parts,
    _channelMax: channel.maxAmount,
  });
}

export type CreateInput = {
  quoteId: string;
  purposeOfTransfer: string;
  fundingSource?: string;
  paymentReference?: string;
  referenceId?: string;
  files?: string[];
  hsCode?: string;
  beneficiaryId?: string;
};

/** Equal parts of the channel's maximum, the remainder last (payments.md §3, split settlement). */
function settlements(q: Doc) {
  if (q.settlementCount <= 1) return null;
  const last = new D(q.buyAmount).minus(new D(q._channelMax).times(q.settlementCount - 1));
  return Array.from({ length: q.settlementCount }, (_, i) => ({
    sequence: i + 1,
    status: "pending",
    amount: round(i < q.settlementCount - 1 ? q._channelMax : last, q.buyCurrency),
  }));
}

/** Payment Create (payments.md §6): consumes the quote; awaiting_funds with a funding reference and cut-off. */
export function createPayment(engine: Engine, tx: Tx, actor: Actor, b: CreateInput): Doc {
  const q = takeQuote(tx, actor, b.quoteId, "payment");
  const beneficiaryId = q.beneficiaryId ?? b.beneficiaryId;
  if (!beneficiaryId) throw invalid("beneficiaryId", "is required when the quote has no beneficiary");
  const ben = beneficiaryOf(tx, actor, beneficiaryId);
  if (ben.bankAccount.currency !== q.buyCurrency)
    throw invalid("beneficiaryId", `beneficiary receives ${ben.bankAccount.currency}, the quote buys ${q.buyCurrency}`);
  const files = b.files ?? [];
  for (const f of files) {
    const file = tx.get("file", f);
    if (!file || file._partnerId !== actor.partner.id || file.ownerKind !== "payment")
      throw invalid("files", `unknown file ${f}`);
    if (file.status !== "uploaded") throw invalid("files", `file ${f} was never uploaded`);
  }
  if (q.supportingDocumentsRequired && !files.length)
    throw invalid("files", "supporting documents are required for this quote");

  const priced = Object.fromEntries(Object.entries(q).filter(([k]) => !k.startsWith("_") && !QUOTE_ONLY.has(k)));
  const { _partnerId, _seq, accountId: _accountId, ...snapshot } = ben;
  const id = uuid();
  const cutoff = tx.now + CHOICES.fundingCutoffMs;
  const p = tx.insert("payment", {
    ...priced,
    id,
    _partnerId: actor.partner.id,
    accountId: actor.accountId,
    onBehalfOfUser: actor.userId ?? null,
    quoteId: q.id,
    status: "awaiting_funds",
    fundingSource: b.fundingSource ?? CHOICES.legacyFundingSource,
    purposeOfTransfer: b.purposeOfTransfer,
    paymentReference: b.paymentReference ?? null,
    referenceId: b.referenceId ?? null,
    files,
    hsCode: b.hsCode ?? null,
    beneficiaryId,
    beneficiary: { ...snapshot, beneficiaryId: ben.id },
    settlements: settlements(q),
    fundingReference: reference("WXP"),
    fundingCutoffTime: iso(cutoff),
    _cutoffAtMs: cutoff,
    failureReason: null,
    createdAt: iso(tx.now),
    updatedAt: iso(tx.now),
    completedAt: null,
  });
  engine.schedule(tx, actor.partner.id, "payment.cutoff", id, CHOICES.fundingCutoffMs);
  engine.notify(tx, actor.partner.id, {
    resource: "simple_payment",
    resourceId: id,
    status: "awaiting_funds",
    accountId: actor.accountId,
  });
  return p;
}

const QUOTE_ONLY = new Set([
  "id",
  "quoteId",
  "expiresAt",
  "createdAt",
  "partnerRate",
  "partnerBuyAmount",
  "partnerSellAmount",
]);
