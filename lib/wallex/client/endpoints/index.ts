import { auth } from "./auth";
import { balances, currencies } from "./balances-currencies";
import { beneficiaries } from "./beneficiaries";
import { collectionRequests, collections } from "./collections";
import { conversions } from "./conversions";
import { deductions, funding, transfers } from "./funding-deductions-transfers";
import { payments } from "./payments";
import { users } from "./users";
import { utils } from "./utils";
import { webhooks } from "./webhooks";

/** The endpoint table: every operation of /work/shared/wallex-api/README.md (rows 1–76, less row 74). */
export const ENDPOINTS = {
  auth,
  users,
  utils,
  balances,
  currencies,
  beneficiaries,
  payments,
  conversions,
  collections,
  collectionRequests,
  funding,
  deductions,
  transfers,
  webhooks,
};
export type Endpoints = typeof ENDPOINTS;
export type { Endpoint, HttpMethod } from "./define";
