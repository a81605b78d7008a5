import { z } from "zod";
import { currency, entity, id, listQuery, money, moneyInput, page, status, timestamp } from "../schemas/common";
import { endpoint } from "./define";

/** funding-deductions-transfers.md. */
const movement = {
  id,
  accountId: id.nullish(),
  currency,
  amount: money,
  status,
  type: z.string().nullish(),
  reference: z.string().nullish(),
  failureReason: z.string().nullish(),
  createdAt: timestamp.nullish(),
  completedAt: timestamp.nullish(),
};
export const fundingItem = entity(movement);
export const deduction = entity({ ...movement, reason: z.string().nullish() });
export const transfer = entity({
  ...movement,
  senderAccountId: id.nullish(),
  receiverAccountId: id.nullish(),
  purposesOfTransfer: z.string().nullish(),
  remarks: z.string().nullish(),
});
const filters = listQuery.extend({ status: z.string().optional(), currency: z.string().optional() });

export const funding = {
  /** D20: plural paths (peer code on a v2 path); the first edition's `/v2/funding[/{id}]` is a sandbox alias. */
  list: endpoint({ method: "GET", path: "/v2/fundings", query: filters, response: page(fundingItem) }),
  retrieve: endpoint({ method: "GET", path: "/v2/fundings/{fundingId}", response: fundingItem }),
};

export const deductions = {
  list: endpoint({ method: "GET", path: "/v2/deductions", query: filters, response: page(deduction) }),
  retrieve: endpoint({ method: "GET", path: "/v2/deductions/{deductionId}", response: deduction }),
};

export const transfers = {
  /**
   * Alias `/v2/internal-transfers` (inferred). D15: this endpoint spells `purposesOfTransfer`. The sender is
   * `onBehalfOf: { account }` (v1-era `onBehalfOf`), or the partner itself.
   */
  create: endpoint({
    method: "POST",
    path: "/v2/transfers",
    response: transfer,
    body: z.looseObject({
      receiverAccountId: z.string(),
      amount: moneyInput,
      currency: z.string(),
      purposesOfTransfer: z.string(),
      reference: z.string().optional(),
      remarks: z.string().optional(),
      supportingDocuments: z.array(z.string()).optional(),
    }),
  }),
  retrieve: endpoint({ method: "GET", path: "/v2/transfers/{transferId}", response: transfer }),
  list: endpoint({ method: "GET", path: "/v2/transfers", query: filters, response: page(transfer) }),
};
