import { LOCAL_CURRENCY, SEPA } from "../fixtures/countries";
import { CURRENCIES } from "../fixtures/currencies";

/** Per-settlement limit of local channels, in the payout currency (payments.md §3; values inferred). */
const LOCAL_MAX: Record<string, string> = {
  SGD: "200000",
  USD: "100000",
  EUR: "100000",
  GBP: "1000000",
  HKD: "1000000",
  AUD: "1000000",
  JPY: "10000000",
  CNY: "500000",
  IDR: "250000000",
  MYR: "1000000",
  THB: "2000000",
  PHP: "500000",
  CAD: "100000",
  INR: "500000",
  VND: "500000000",
  KRW: "50000000",
  NZD: "100000",
};
const SWIFT_MAX = "10000000";

export type Channel = {
  id: string;
  currency: string;
  country: string;
  settlementMethod: "local" | "swift";
  paymentChannel: "local" | "swift";
  chargeType: string;
  minAmount: string;
  maxAmount: string;
  estimatedDelivery: string;
  cutOffTime: string;
};

export function isLocal(currency: string, bankCountry: string): boolean {
  return LOCAL_CURRENCY[bankCountry] === currency || (currency === "EUR" && SEPA.has(bankCountry));
}

function local(currency: string, country: string): Channel {
  return {
    id: `${country}-${currency}-local`,
    currency,
    country,
    settlementMethod: "local",
    paymentChannel: "local",
    chargeType: "SHA",
    minAmount: "1",
    maxAmount: LOCAL_MAX[currency] ?? "100000",
    estimatedDelivery: "T+0",
    cutOffTime: "15:00+08:00",
  };
}

function swift(currency: string, country: string): Channel {
  return {
    id: `${country}-${currency}-swift`,
    currency,
    country,
    settlementMethod: "swift",
    paymentChannel: "swift",
    chargeType: "OUR",
    minAmount: "1",
    maxAmount: SWIFT_MAX,
    estimatedDelivery: "T+2",
    cutOffTime: "17:00+08:00",
  };
}

/** Channels for a payout currency into a bank country; all of them when neither is given. */
export function channels(currency?: string, country?: string): Channel[] {
  const out: Channel[] = [];
  const countries = country ? [country] : Object.keys(LOCAL_CURRENCY);
  const currencies = currency ? [currency] : CURRENCIES.map((c) => c.code);
  for (const cc of countries) {
    for (const cur of currencies) {
      if (isLocal(cur, cc)) out.push(local(cur, cc));
      if (country || currency) out.push(swift(cur, cc));
    }
  }
  if (!country && !currency) for (const cur of currencies) out.push(swift(cur, "*"));
  return out;
}

/** The channel a payment takes: local when the corridor has one, else SWIFT. */
export function channelFor(currency: string, bankCountry: string): Channel {
  return isLocal(currency, bankCountry) ? local(currency, bankCountry) : swift(currency, bankCountry);
}
