import { badState } from "../errors";

/** Allowed status moves per resource (payments.md §11, conversions.md §6, users.md §2.2, …). */
export const MACHINES: Record<string, Record<string, string[]>> = {
  simple_payment: {
    awaiting_funds: ["under_review", "failed"],
    under_review: ["processing", "rejected"],
    processing: ["in_transit", "failed"],
    in_transit: ["completed", "failed"],
  },
  simple_payment_legacy: {
    awaiting_funds: ["processing", "failed"],
    processing: ["completed", "failed", "rejected"],
  },
  conversion: { awaiting_funds: ["processing", "failed"], processing: ["completed", "failed"] },
  user: {
    draft: ["pending_approval", "withdrawn"],
    pending_approval: ["approved", "document_needs_resubmission", "withdrawn", "terminated"],
    document_needs_resubmission: ["pending_approval", "withdrawn", "terminated"],
    approved: ["closed", "terminated"],
  },
  collection: { pending: ["under_review", "completed", "rejected"], under_review: ["completed", "rejected"] },
  collection_request: {
    pending: ["partial_paid", "full_paid", "cancel", "expired"],
    partial_paid: ["full_paid", "cancel"],
  },
  collection_account: { pending: ["active", "rejected"], active: ["inactive"] },
  transfer: { pending: ["completed", "rejected", "failed"] },
};

/** The happy path forward, used by automatic progression and the "advance" helper. */
export const HAPPY_NEXT: Record<string, Record<string, string>> = {
  simple_payment: { under_review: "processing", processing: "in_transit", in_transit: "completed" },
  conversion: { processing: "completed" },
};

export function assertMove(resource: string, from: string, to: string) {
  if (!MACHINES[resource]?.[from]?.includes(to)) throw badState(`${resource} cannot move from ${from} to ${to}`);
}

export const isTerminal = (resource: string, status: string) => !MACHINES[resource]?.[status];
