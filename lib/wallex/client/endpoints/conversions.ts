import { z } from "zod";
import { currency, entity, id, listQuery, money, moneyInput, page, status, timestamp } from "../schemas/common";
import { endpoint } from "./define";

/** conversions.md. */
const pricing = {
  sellCurrency: currency,
  buyCurrency: currency,
  sellAmount: money,
  buyAmount: money,
  rate: money,
  fixedSide: z.string().nullish(),
  conversionFee: money.nullish(),
  totalAmount: money.nullish(),
};
export const conversionQuote = entity({ quoteId: id, ...pricing, expiresAt: timestamp.nullish() }, "quoteId");
export const conversion = entity(
  {
    id,
    conversionId: id.optional(),
    status,
    quoteId: id.nullish(),
    ...pricing,
    referenceId: z.string().nullish(),
    fundingCutoffTime: timestamp.nullish(),
    failureReason: z.string().nullish(),
    createdAt: timestamp.nullish(),
    completedAt: timestamp.nullish(),
  },
  "conversionId",
);

export const conversions = {
  /** (peer code, untested) per D17. */
  quote: endpoint({
    method: "POST",
    path: "/v2/conversions/quote",
    response: conversionQuote,
    body: z.looseObject({
      sellCurrency: z.string(),
      buyCurrency: z.string(),
      amount: moneyInput,
      fixedSide: z.enum(["sell", "buy"]).optional(),
    }),
  }),
  create: endpoint({
    method: "POST",
    path: "/v2/conversions",
    response: conversion,
    body: z.looseObject({
      quoteId: z.string(),
      referenceId: z.string().optional(),
      reason: z.string().optional(),
      remarks: z.string().optional(),
    }),
  }),
  /** Alternative: `POST /v2/conversions/fund` with `{conversionId}` (inferred). */
  fund: endpoint({ method: "POST", path: "/v2/conversions/{conversionId}/fund", response: conversion }),
  retrieve: endpoint({ method: "GET", path: "/v2/conversions/{conversionId}", response: conversion }),
  list: endpoint({
    method: "GET",
    path: "/v2/conversions",
    query: listQuery.extend({ status: z.string().optional() }),
    response: page(conversion),
  }),
};
