import { iso } from "../clock";
import { CHOICES } from "../config";
import { invalid } from "../errors";
import { currency } from "../fixtures/currencies";
import { uuid } from "../ids";
import { D, parseAmount, round } from "../arithmetic";
import type { Actor } from "../on-behalf-of";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { customerRate } from "./rates";

export type Pricing = {
  sellCurrency: string;
  buyCurrency: string;
  fixedSide: "buy" | "sell";
  rate: string;
  sellAmount: string;
  buyAmount: string;
};

export function parseSide(value: unknown): "buy" | "sell" {
  if (value === undefined || value === null || value === "") return CHOICES.defaultFixedSide;
  const v = String(value).toLowerCase();
  if (v !== "buy" && v !== "sell") throw invalid("fixedSide", 'must be "buy" or "sell"');
  return v;
}

export function parseCurrency(value: unknown, field: string): string {
  if (typeof value !== "string" || !value) throw invalid(field, "is required");
  if (!currency(value)) throw invalid(field, `unsupported currency ${value}`);
  return value;
}

/** Locks the customer rate: the fixed side equals `amount`, the other side is derived and rounded. */
export function price(now: number, sell: string, buy: string, amountRaw: unknown, fixedSide: "buy" | "sell"): Pricing {
  const amount = parseAmount(amountRaw, "amount", fixedSide === "buy" ? buy : sell);
  const rate = customerRate(sell, buy, now);
  const sellDp = currency(sell)!.decimals;
  const buyDp = currency(buy)!.decimals;
  const sellAmount =
    fixedSide === "sell" ? amount : new D(amount).div(rate).toDecimalPlaces(sellDp, D.ROUND_UP).toFixed(sellDp);
  const buyAmount =
    fixedSide === "buy" ? amount : new D(amount).times(rate).toDecimalPlaces(buyDp, D.ROUND_DOWN).toFixed(buyDp);
  if (new D(sellAmount).lte(0) || new D(buyAmount).lte(0)) throw invalid("amount", "is too small to convert");
  return { sellCurrency: sell, buyCurrency: buy, fixedSide, rate: rate.toString(), sellAmount, buyAmount };
}

export function insertQuote(
  tx: Tx,
  actor: Actor,
  purpose: "payment" | "conversion",
  fields: Record<string, unknown> & Pricing,
): Doc {
  const ttl =
    fields.sellCurrency === fields.buyCurrency ? CHOICES.quoteTtlMs.sameCurrency : CHOICES.quoteTtlMs.crossCurrency;
  return tx.insert("quote", {
    id: uuid(),
    _partnerId: actor.partner.id,
    accountId: actor.accountId,
    _purpose: purpose,
    _expiresAtMs: tx.now + ttl,
    currencyPair: `${fields.sellCurrency}${fields.buyCurrency}`,
    ...fields,
    partnerRate: fields.rate,
    partnerSellAmount: fields.sellAmount,
    partnerBuyAmount: fields.buyAmount,
    expiresAt: iso(tx.now + ttl),
    createdAt: iso(tx.now),
  });
}

/** An unexpired, unused quote of this account for this purpose; it is consumed by the caller. */
export function takeQuote(tx: Tx, actor: Actor, quoteId: unknown, purpose: "payment" | "conversion"): Doc {
  if (typeof quoteId !== "string" || !quoteId) throw invalid("quoteId", "is required");
  const q = tx.get("quote", quoteId);
  if (!q || q._partnerId !== actor.partner.id || q.accountId !== actor.accountId || q._purpose !== purpose) {
    throw invalid("quoteId", "unknown quote");
  }
  if (q._usedAt) throw invalid("quoteId", "quote has already been used");
  if (q._expiresAtMs <= tx.now) throw invalid("quoteId", `quote expired at ${q.expiresAt}`);
  tx.update("quote", q.id, { _usedAt: iso(tx.now) });
  return q;
}

export const quoteView = ({ id, ...q }: Doc) => ({ quoteId: id, id, ...q });
export { round };
