import { z } from "zod";
import {
  currency,
  entity,
  id,
  listItem,
  listQuery,
  money,
  moneyInput,
  page,
  status,
  timestamp,
  uploadUrl,
} from "../schemas/common";
import { beneficiary } from "./beneficiaries";
import { endpoint } from "./define";

/** payments.md (simple payments). Legacy `/simple-payments/v1/*` paths are never called (D16). */
const pricing = {
  sellCurrency: currency,
  buyCurrency: currency,
  sellAmount: money,
  buyAmount: money,
  rate: money.nullish(),
  fixedSide: z.string().nullish(),
  paymentChannel: z.string().nullish(),
  conversionFee: money.nullish(),
  paymentFee: money.nullish(),
  bankCharges: money.nullish(),
  totalFee: money.nullish(),
  totalAmount: money.nullish(),
};

export const paymentQuote = entity(
  { quoteId: id, ...pricing, beneficiaryId: id.nullish(), expiresAt: timestamp.nullish() },
  "quoteId",
);

export const payment = entity(
  {
    id,
    simplePaymentId: id.optional(),
    status,
    quoteId: id.nullish(),
    beneficiaryId: id.nullish(),
    ...pricing,
    purposeOfTransfer: z.string().nullish(),
    paymentReference: z.string().nullish(),
    referenceId: z.string().nullish(),
    fundingSource: z.string().nullish(),
    fundingReference: z.string().nullish(),
    fundingCutoffTime: timestamp.nullish(),
    failureReason: z.string().nullish(),
    reason: z.string().nullish(),
    beneficiary: beneficiary.nullish(),
    createdAt: timestamp.nullish(),
    completedAt: timestamp.nullish(),
  },
  "simplePaymentId",
);

const channel = z.looseObject({
  currency: z.string().nullish(),
  country: z.string().nullish(),
  settlementMethod: z.string().nullish(),
  minAmount: money.nullish(),
  maxAmount: money.nullish(),
});

export const payments = {
  channels: endpoint({
    method: "GET",
    path: "/v2/payments/channels",
    response: page(channel),
    query: z.looseObject({ currency: z.string().optional(), country: z.string().optional() }),
  }),
  /** Alias `/v2/payments/purpose-of-transfer` (inferred). */
  purposes: endpoint({ method: "GET", path: "/v2/payments/purposes", response: page(listItem) }),
  quote: endpoint({
    method: "POST",
    path: "/v2/payments/quote",
    response: paymentQuote,
    body: z.looseObject({
      sellCurrency: z.string(),
      buyCurrency: z.string().optional(),
      amount: moneyInput,
      fixedSide: z.enum(["sell", "buy"]).optional(),
      beneficiaryId: z.string().optional(),
      paymentChannel: z.string().optional(),
    }),
  }),
  uploadUrl: endpoint({
    method: "POST",
    path: "/v2/payments/upload-url",
    body: z.looseObject({ fileName: z.string() }),
    response: uploadUrl,
  }),
  create: endpoint({
    method: "POST",
    path: "/v2/payments",
    response: payment,
    body: z.looseObject({
      quoteId: z.string(),
      purposeOfTransfer: z.string(),
      paymentReference: z.string().max(35).optional(),
      // Required (docs); the literals are inferred, so any string passes.
      fundingSource: z.union([z.enum(["wallet", "bank_transfer"]), z.string()]),
      referenceId: z.string().max(100).optional(),
      files: z.array(z.string()).optional(),
      hsCode: z.string().optional(),
    }),
  }),
  /** Alternative: `POST /v2/payments/fund` with `{simplePaymentId}` (inferred). */
  fund: endpoint({ method: "POST", path: "/v2/payments/{simplePaymentId}/fund", response: payment }),
  retrieve: endpoint({ method: "GET", path: "/v2/payments/{simplePaymentId}", response: payment }),
  list: endpoint({
    method: "GET",
    path: "/v2/payments",
    response: page(payment),
    query: listQuery.extend({
      status: z.string().optional(),
      beneficiaryId: z.string().optional(),
      referenceId: z.string().optional(),
    }),
  }),
  /** `{url, expiresAt}` (inferred; a direct file stream is the other possibility). */
  documents: endpoint({
    method: "GET",
    path: "/v2/payments/{simplePaymentId}/documents",
    query: z.looseObject({ type: z.string().optional() }),
    response: entity({ url: z.string(), expiresAt: timestamp.nullish() }),
  }),
};
