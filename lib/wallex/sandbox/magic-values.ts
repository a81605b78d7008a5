/**
 * Test inputs with a known outcome, in the spirit of Stripe's test cards. Documented in README.md.
 * Matching is case-insensitive on text; amounts match exactly.
 */
export const MAGIC_VALUES = {
  user: {
    emailTag: {
      "+resubmit": "document_needs_resubmission (reason: Proof of address is older than 3 months)",
      "+withdraw": "withdrawn",
      "+terminate": "terminated",
      "+hold": "stays pending_approval until a /_sandbox decision",
      "(none)": "approved",
    },
  },
  payment: {
    referenceContains: { REJECT: "rejected at review", FAIL: "failed in transit", HOLD: "held in under_review" },
    buyAmount: { "666.66": "rejected at review", "999.99": "failed in transit" },
  },
  conversion: { referenceContains: { FAIL: "failed" }, amount: { "999.99": "failed" } },
  collection: { senderNameContains: { REJECT: "rejected" }, amount: { "666.66": "rejected" } },
  transfer: { referenceContains: { REJECT: "rejected, refunded", HOLD: "stays pending" } },
  beneficiaryValidation: {
    holderNameContains: { MISMATCH: "no_match with a suggestion", PARTIAL: "partial_match" },
    accountNumberEndsWith: { "0000": "no_match: account not found" },
  },
} as const;

const has = (text: unknown, token: string) => typeof text === "string" && text.toUpperCase().includes(token);

export function userDecision(email: string): { status: string; reason?: string } | null {
  const local = email.toLowerCase().split("@")[0];
  if (local.includes("+hold")) return null;
  if (local.includes("+resubmit"))
    return { status: "document_needs_resubmission", reason: "Proof of address is older than 3 months" };
  if (local.includes("+withdraw")) return { status: "withdrawn", reason: "Application withdrawn" };
  if (local.includes("+terminate")) return { status: "terminated", reason: "Relationship terminated by compliance" };
  return { status: "approved" };
}

export function paymentOutcome(p: { paymentReference?: string; referenceId?: string; buyAmount: string }) {
  const text = `${p.paymentReference ?? ""} ${p.referenceId ?? ""}`;
  if (has(text, "REJECT") || p.buyAmount === "666.66") return "rejected" as const;
  if (has(text, "FAIL") || p.buyAmount === "999.99") return "failed" as const;
  if (has(text, "HOLD")) return "hold" as const;
  return null;
}

export const conversionFails = (c: { referenceId?: string; sellAmount: string; buyAmount: string }) =>
  has(c.referenceId, "FAIL") || c.sellAmount === "999.99" || c.buyAmount === "999.99";

export const collectionRejected = (c: { senderName?: string; amount: string }) =>
  has(c.senderName, "REJECT") || c.amount === "666.66";

export function transferOutcome(reference?: string) {
  if (has(reference, "REJECT")) return "rejected" as const;
  if (has(reference, "HOLD")) return "hold" as const;
  return null;
}

export function validationMagic(holderName: string, accountNumber: string) {
  if (accountNumber.endsWith("0000")) return "account_not_found" as const;
  if (has(holderName, "MISMATCH")) return "no_match" as const;
  if (has(holderName, "PARTIAL")) return "partial_match" as const;
  return null;
}
