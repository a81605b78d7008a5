import type { Requirements } from "./types";

/**
 * Every choice the reference leaves open lives here, so a correction is one line.
 * Paths to the reference: /work/shared/wallex-api (README decisions D1–D19).
 */
/** Any of these proves who the user is (users.md §4.3; `national_id` is the first edition's spelling). */
const IDENTITY_DOCUMENTS = [
  "passport",
  "nric",
  "national_identity",
  "national_id",
  "ktp",
  "employment_pass",
  "s_pass",
  "work_permit",
  "fdw",
];

export const CHOICES = {
  tokenTtlMs: 8 * 60 * 60 * 1000,
  /** README D6: a member of another partner answers 400 NOT_AUTHORIZED (the brief suggested 403). */
  foreignOnBehalfStatus: 400 as 400 | 403,
  /** README D6: a disabled feature answers 400 NOT_AUTHORIZED. */
  disabledFeatureStatus: 400 as 400 | 403,
  pagination: { defaultLimit: 20, maxLimit: 100 },
  rateLimit: { perSecond: 5, perDay: 432_000 },
  quoteTtlMs: { crossCurrency: 60_000, sameCurrency: 15 * 60_000 },
  fundingCutoffMs: 12 * 60 * 60 * 1000,
  /** README: fixedSide default "buy" (weak). */
  defaultFixedSide: "buy" as "buy" | "sell",
  /** Spread applied to the mid-rate on the customer side; drift per minute, both fractions. */
  spread: "0.004",
  maxDriftPerMinute: "0.0005",
  /** Fees are defined in USD and converted into the sell currency at the mid-rate. */
  feesUsd: { local: { paymentFee: "5", bankCharges: "0" }, swift: { paymentFee: "20", bankCharges: "15" } },
  /** A payment whose sell amount is worth more than this many USD needs supporting documents. */
  supportingDocumentsAboveUsd: "10000",
  maxAmount: "1000000000",
  webhook: { timeoutMs: 30_000, retryDelaysMs: [60_000, 300_000, 1_800_000] },
  uploadUrlTtlMs: 15 * 60_000,
  paymentDocumentUrlTtlMs: 15 * 60_000,
  /** Default delays (ms) between automatic status steps. */
  delays: {
    payment: { under_review: 5_000, processing: 5_000, in_transit: 10_000 },
    conversion: { processing: 3_000 },
    userDecision: 5_000,
    liteApproval: 10_000,
    collection: 2_000,
  },
  uploadContentTypes: ["application/pdf", "image/jpeg", "image/png"],
  legacyFundingSource: "wallet",
  fundingSources: ["wallet", "bank_transfer"],
  /** Fee taken from incoming collections: amount = amountOrigin − fee (collections.md §4.5). */
  collectionFeeRate: "0.002",
  /** users.md §11.3 (suggested minimum) and §11.5; override with the `requirements` option. */
  requirements: {
    detail: ["dateOfBirth", "nationality", "identificationType", "identificationNumber", "residentialAddress"],
    company: ["registrationNumber", "countryOfIncorporation", "businessType", "companyAddress"],
    cdd: ["entityType", "productsUsage"],
    documents: {
      individual: [{ group: "identity", types: IDENTITY_DOCUMENTS }],
      company: [
        { group: "company_proof", types: ["company_proof"] },
        { group: "identity", types: IDENTITY_DOCUMENTS },
      ],
    },
  } satisfies Requirements as Requirements,
  /** Collection request "Paid" credits the wallet (collections.md §5.3 makes it configurable). */
  collectionRequestPaidCredits: true,
} as const;

export type Delays = {
  payment: { under_review: number; processing: number; in_transit: number };
  conversion: { processing: number };
  userDecision: number;
  liteApproval: number;
  collection: number;
};

/** autoProgress option → delays, or null when statuses only move through helpers. */
export function resolveDelays(option: boolean | Record<string, unknown> | undefined): Delays | null {
  if (option === false) return null;
  const base = structuredClone(CHOICES.delays) as Delays;
  if (option === true || option === undefined) return base;
  for (const [k, v] of Object.entries(option)) {
    const key = k as keyof Delays;
    if (typeof v === "number") (base as Record<string, unknown>)[key] = v;
    else if (v) Object.assign(base[key] as object, v);
  }
  return base;
}
