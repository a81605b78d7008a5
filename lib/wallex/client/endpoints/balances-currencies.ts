import { z } from "zod";
import { currency, entity, id, listQuery, money, page, status, timestamp } from "../schemas/common";
import { endpoint } from "./define";

/** balances-currencies.md. */
export const balance = entity({ id, accountId: id.nullish(), currency, amount: money, updatedAt: timestamp.nullish() });

export const historyEntry = entity({
  id,
  currency,
  amount: money,
  direction: z.string().nullish(),
  type: z.string().nullish(),
  relatedEntityType: z.string().nullish(),
  relatedEntityId: z.string().nullish(),
  reference: z.string().nullish(),
  balanceBefore: money.nullish(),
  balanceAfter: money.nullish(),
  status: status.nullish(),
  createdAt: timestamp.nullish(),
});

export const balances = {
  list: endpoint({ method: "GET", path: "/v2/balances", query: listQuery, response: page(balance) }),
  /** D9: a 3-letter code is a currency. Alias `/v2/balances/currency/{currency}` (inferred). */
  retrieveByCurrency: endpoint({ method: "GET", path: "/v2/balances/{currency}", response: balance }),
  /** Alias `/v2/balances/id/{balanceId}` (inferred); the canonical path shares `/v2/balances/{x}`. */
  retrieveById: endpoint({ method: "GET", path: "/v2/balances/{balanceId}", response: balance }),
  listHistory: endpoint({
    method: "GET",
    path: "/v2/balances/history",
    response: page(historyEntry),
    query: listQuery.extend({
      currency: z.string().optional(),
      type: z.string().optional(),
      relatedEntityId: z.string().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
    }),
  }),
};

export const currencyItem = z.looseObject({
  code: z.string(),
  name: z.string().nullish(),
  decimals: z.number().nullish(),
});
export const rate = entity({
  sellCurrency: currency,
  buyCurrency: currency,
  currencyPair: z.string().nullish(),
  rate: money,
  midRate: money.nullish(),
  updatedAt: timestamp.nullish(),
});

export const currencies = {
  list: endpoint({ method: "GET", path: "/v2/currencies", response: page(currencyItem) }),
  /** Alias `/v2/rates` (inferred). */
  rates: endpoint({
    method: "GET",
    path: "/v2/currencies/rates",
    response: rate,
    query: z.looseObject({ sellCurrency: z.string(), buyCurrency: z.string() }),
  }),
};
