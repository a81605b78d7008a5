import { createHash } from "node:crypto";
import { iso } from "../clock";
import { CHOICES } from "../config";
import { currency } from "../fixtures/currencies";
import { D, type Dec } from "../arithmetic";

/** Deterministic drift in [-max, +max] for one currency during one minute (rates refresh every minute). */
function drift(code: string, minute: number): Dec {
  const h = createHash("sha256").update(`${code}:${minute}`).digest().readUInt32BE(0) / 0xffffffff;
  return new D(h).times(2).minus(1).times(CHOICES.maxDriftPerMinute);
}

/** Units of buy currency per one unit of sell currency at the mid-market, for the minute of `now`. */
export function midRate(sell: string, buy: string, now: number): Dec {
  if (sell === buy) return new D(1);
  const minute = Math.floor(now / 60_000);
  const perUsd = (code: string) => new D(currency(code)!.midPerUsd).times(drift(code, minute).plus(1));
  return perUsd(buy).div(perUsd(sell));
}

/** The customer rate: the mid-rate less the spread (the FX margin sits in the rate, conversionFee is 0). */
export function customerRate(sell: string, buy: string, now: number): Dec {
  if (sell === buy) return new D(1);
  return midRate(sell, buy, now).times(new D(1).minus(CHOICES.spread)).toSignificantDigits(10);
}

export function rateView(sell: string, buy: string, now: number) {
  return {
    currencyPair: `${sell}${buy}`,
    sellCurrency: sell,
    buyCurrency: buy,
    rate: customerRate(sell, buy, now).toString(),
    midRate: midRate(sell, buy, now).toSignificantDigits(10).toString(),
    updatedAt: iso(Math.floor(now / 60_000) * 60_000),
  };
}

/** Converts an amount in USD into `code` at the mid-rate (used for fees and thresholds). */
export function fromUsd(usd: string, code: string, now: number): Dec {
  return new D(usd).times(midRate("USD", code, now));
}
