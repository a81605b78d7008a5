import { z } from "zod";
import {
  anyObject,
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
import { endpoint } from "./define";

/** collections.md: virtual accounts, incoming collections, collection requests. */
const bankDetails = z.looseObject({
  bankName: z.string().nullish(),
  accountNumber: z.string().nullish(),
  paymentType: z.string().nullish(),
  currency: z.string().nullish(),
});
export const collectionAccount = entity({
  id,
  name: z.string().nullish(),
  currency,
  status,
  bankDetails: z.array(bankDetails).nullish(),
  createdAt: timestamp.nullish(),
});
export const collection = entity({
  id,
  collectionAccountId: id.nullish(),
  currency,
  amount: money,
  amountOrigin: money.nullish(),
  fee: money.nullish(),
  status,
  paymentType: z.string().nullish(),
  reference: z.string().nullish(),
  createdAt: timestamp.nullish(),
});
export const collectionRequest = entity({
  id,
  currency,
  amount: money,
  settlementCurrency: z.string().nullish(),
  status,
  purposeCode: z.string().nullish(),
  dueDate: z.string().nullish(),
  createdAt: timestamp.nullish(),
});
const availableCurrency = z.looseObject({ currency: z.string(), providers: z.array(z.looseObject({})).nullish() });
const requestPath = "/v2/collection-requests/{collectionRequestId}" as const;

export const collections = {
  /** Alias `/v2/collections/supported-currencies` (inferred). */
  currencies: endpoint({ method: "GET", path: "/v2/collections/currencies", response: page(availableCurrency) }),
  createAccount: endpoint({
    method: "POST",
    path: "/v2/collections/accounts",
    response: collectionAccount,
    body: z.looseObject({
      name: z.string(),
      currency: z.string(),
      provider: z.string().optional(),
      reference: z.string().optional(),
      purpose: z.string().optional(),
      description: z.string().optional(),
    }),
  }),
  retrieveAccount: endpoint({
    method: "GET",
    path: "/v2/collections/accounts/{collectionAccountId}",
    response: collectionAccount,
  }),
  listAccounts: endpoint({
    method: "GET",
    path: "/v2/collections/accounts",
    query: listQuery,
    response: page(collectionAccount),
  }),
  /** Body `{ids}`; `collectionAccountIds` is the accepted alternative. Response not described. */
  deactivateAccounts: endpoint({
    method: "POST",
    path: "/v2/collections/accounts/deactivate",
    body: z.looseObject({ ids: z.array(z.string()).min(1) }),
    response: anyObject,
  }),
  list: endpoint({
    method: "GET",
    path: "/v2/collections",
    query: listQuery.extend({ status: z.string().optional(), collectionAccountId: z.string().optional() }),
    response: page(collection),
  }),
  retrieve: endpoint({ method: "GET", path: "/v2/collections/{collectionId}", response: collection }),
  uploadUrl: endpoint({
    method: "POST",
    path: "/v2/collections/{collectionId}/upload-url",
    body: z.looseObject({ fileName: z.string() }),
    response: uploadUrl,
  }),
};

export const collectionRequests = {
  purposeCodes: endpoint({ method: "GET", path: "/v2/collection-requests/purpose-codes", response: page(listItem) }),
  create: endpoint({
    method: "POST",
    path: "/v2/collection-requests",
    response: collectionRequest,
    body: z.looseObject({
      amount: moneyInput,
      currency: z.string(),
      settlementCurrency: z.string(),
      purposeCode: z.string(),
      reference: z.string().optional(),
      invoiceNumber: z.string().optional(),
      dueDate: z.string().optional(),
      payer: z
        .looseObject({ name: z.string(), email: z.string().optional(), country: z.string().optional() })
        .optional(),
    }),
  }),
  retrieve: endpoint({ method: "GET", path: requestPath, response: collectionRequest }),
  list: endpoint({
    method: "GET",
    path: "/v2/collection-requests",
    query: listQuery.extend({ status: z.string().optional() }),
    response: page(collectionRequest),
  }),
  /** `PATCH` on the same path is the inferred alternative. */
  cancel: endpoint({ method: "POST", path: `${requestPath}/cancel`, response: collectionRequest }),
  markPaid: endpoint({ method: "POST", path: `${requestPath}/paid`, response: collectionRequest }),
};
