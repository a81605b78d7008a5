import Decimal from "decimal.js";
import { z } from "zod";

/**
 * Wallex sends amounts as JSON numbers (00-conventions.md §8). JSON.parse has already turned them into
 * doubles; String(n) is the shortest decimal that round-trips, so it is exact for every amount with up to
 * 15 significant digits (all Wallex amounts and rates). Callers only ever see decimal strings.
 */
export const money = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    return new Decimal(v).toFixed();
  } catch {
    ctx.addIssue({ code: "custom", message: "not a decimal amount" });
    return z.NEVER;
  }
});

/** An amount we send: written into the JSON as a number literal, digit for digit, never via a float. */
export class WireNumber {
  constructor(readonly digits: string) {}
  toJSON() {
    return `${MARK}${this.digits}${MARK}`;
  }
}
const MARK = "\u0000wallex-number\u0000";
const MARKED = /"\\u0000wallex-number\\u0000(-?\d+(?:\.\d+)?)\\u0000wallex-number\\u0000"/g;

/** Accepts a decimal string, a finite number or a Decimal; rejects NaN, exponents and garbage. */
export const moneyInput = z.union([z.string(), z.number(), z.instanceof(Decimal)]).transform((v, ctx) => {
  try {
    const d = new Decimal(v);
    if (!d.isFinite()) throw new Error("not finite");
    return new WireNumber(d.toFixed());
  } catch {
    ctx.addIssue({ code: "custom", message: "must be a decimal amount" });
    return z.NEVER;
  }
});

export type MoneyInput = z.input<typeof moneyInput>;

/** JSON.stringify that writes WireNumbers as bare number literals. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(MARKED, "$1");
}
