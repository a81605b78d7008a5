import Decimal from "decimal.js";
import { CHOICES } from "./config";
import { invalid } from "./errors";
import { currency } from "./fixtures/currencies";

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

/** Money is stored as a decimal string, rounded to the currency's minor unit. */
export function round(value: string | number | Dec, code: string): string {
  return new D(value).toDecimalPlaces(currency(code)?.decimals ?? 2).toFixed(currency(code)?.decimals ?? 2);
}

/** Parses a request amount (a JSON number; a plain decimal string is tolerated) for a currency. */
export function parseAmount(value: unknown, field: string, code: string): string {
  let d: Dec;
  if (typeof value === "number" && Number.isFinite(value)) d = new D(String(value));
  else if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value)) d = new D(value);
  else if (value === undefined || value === null) throw invalid(field, "is required");
  else throw invalid(field, "must be a number");
  if (d.lte(0)) throw invalid(field, "must be greater than 0");
  if (d.gt(CHOICES.maxAmount)) throw invalid(field, `must not exceed ${CHOICES.maxAmount}`);
  const decimals = currency(code)?.decimals ?? 2;
  if (d.decimalPlaces() > decimals) throw invalid(field, `must have at most ${decimals} decimal places for ${code}`);
  return d.toFixed(decimals);
}

export const add = (a: string, b: string) => new D(a).plus(b).toString();
export const sub = (a: string, b: string) => new D(a).minus(b).toString();
export const gte = (a: string, b: string) => new D(a).gte(b);

/** Keys whose string values are money or rates, sent as JSON numbers (reference: amounts are numbers). */
export const NUMERIC_KEYS = new Set([
  "amount",
  "sellAmount",
  "buyAmount",
  "partnerSellAmount",
  "partnerBuyAmount",
  "rate",
  "partnerRate",
  "conversionFee",
  "paymentFee",
  "partnerPaymentFee",
  "bankCharges",
  "totalFee",
  "totalAmount",
  "balanceBefore",
  "balanceAfter",
  "amountOrigin",
  "fee",
  "settlementAmount",
  "paidAmount",
  "minAmount",
  "maxAmount",
  "availableAmount",
  "pendingAmount",
  "midRate",
]);
