import Decimal from "decimal.js";

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string) {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency, currencyDisplay: "code" });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/**
 * "SGD 1,234.50", "JPY 15,000": rounded to the currency's minor unit with decimal.js and handed
 * to Intl as a string, so no amount ever passes through a float.
 */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return amount;
  let formatter: Intl.NumberFormat;
  try {
    formatter = formatterFor(currency);
  } catch {
    return `${currency} ${amount}`;
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const rounded = new Decimal(amount).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN).toFixed(digits);
  return formatter.format(rounded as unknown as number);
}
