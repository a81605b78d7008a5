import Decimal from "decimal.js";
import type { Locale } from "./locales";

/**
 * Dates and numbers for the member portal, per language: English as staff pages write them
 * ("2 Dec 2026", "1,234.5"), Indonesian as Indonesians do ("2 Des 2026", "1.234,5": `.` for
 * thousands, `,` for decimals). Times are UTC, like the rest of the app. Amounts arrive as strings
 * (numeric from PostgreSQL) and reach Intl as strings, never through a float.
 */
const TAGS: Record<Locale, string> = { en: "en-GB", id: "id-ID" };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const dateOptions: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
const dateTimeOptions: Intl.DateTimeFormatOptions = {
  ...dateOptions,
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};

export function formatDate(date: Date, locale: Locale) {
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(TAGS[locale], dateOptions)).format(date);
}

export function formatDateTime(date: Date, locale: Locale) {
  return cached(`datetime:${locale}`, () => new Intl.DateTimeFormat(TAGS[locale], dateTimeOptions)).format(date);
}

/** A number or decimal string with grouping, as many decimals as it has (up to `maxDecimals`). */
export function formatNumber(value: string | number | Decimal, locale: Locale, maxDecimals = 20) {
  const decimal = new Decimal(value);
  const decimals = Math.min(decimal.decimalPlaces(), maxDecimals);
  const formatter = cached(
    `number:${locale}:${decimals}`,
    () => new Intl.NumberFormat(TAGS[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
  );
  return formatter.format(decimal.toFixed(decimals) as unknown as number);
}

/** An amount in its currency, rounded to the currency's minor unit: "IDR 1.500.000,00", "SGD 1,234.50". */
export function formatAmount(amount: string | Decimal, currency: string, locale: Locale) {
  if (!/^[A-Z]{3}$/.test(currency)) return `${currency} ${formatNumber(amount, locale)}`;
  const formatter = cached(
    `money:${locale}:${currency}`,
    () => new Intl.NumberFormat(TAGS[locale], { style: "currency", currency, currencyDisplay: "code" }),
  );
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const rounded = new Decimal(amount).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN).toFixed(digits);
  // Intl puts a no-break space between code and amount; a plain one reads (and tests) the same.
  return formatter.format(rounded as unknown as number).replace(/\u00a0/g, " ");
}
