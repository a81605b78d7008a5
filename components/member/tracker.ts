import type { MemberStage } from "@/db/schema";

export const TRACKER_STEPS = ["invited", "in_progress", "in_review", "submitted", "approved"] as const;
export type TrackerStep = (typeof TRACKER_STEPS)[number];
export type NextAction = "start" | "continue" | "fix" | "wait_partner" | "wait_wallex" | "approved" | "closed";

const CLOSED = new Set(["withdrawn", "terminated", "closed", "rejected", "inactive"]);
const RESUBMIT = new Set(["document_needs_resubmission", "documents_need_resubmission"]);

/**
 * Where the member's application stands on the portal's tracker, from our stage and Wallex's
 * status (lower-cased, as the reference says to compare them), and what the member does next.
 */
export function trackerState(
  stage: MemberStage,
  wallexStatus: string | null,
): { current: TrackerStep; next: NextAction; attention: boolean } {
  const status = wallexStatus?.toLowerCase() ?? null;
  if (status === "approved" || status === "active") return { current: "approved", next: "approved", attention: false };
  if (status && CLOSED.has(status)) return { current: "submitted", next: "closed", attention: true };
  if (stage === "changes_requested" || (status && RESUBMIT.has(status)))
    return { current: "in_progress", next: "fix", attention: true };
  switch (stage) {
    case "invited":
      return { current: "invited", next: "start", attention: false };
    case "in_progress":
      return { current: "in_progress", next: "continue", attention: false };
    case "in_partner_review":
      return { current: "in_review", next: "wait_partner", attention: false };
    case "submitted":
      return { current: "submitted", next: "wait_wallex", attention: false };
  }
}
