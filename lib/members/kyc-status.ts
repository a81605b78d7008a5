import type { MemberStage } from "@/db/schema";

/**
 * What the staff lists say of a member's KYC, from the members row alone (no Wallex call, no join):
 * our own stage until the member is sent to Wallex screening, then Wallex's status. Wallex's closing
 * statuses (withdrawn, terminated, closed) win at any stage. `kycStatusSql` in lib/data/members.ts
 * is the same rule in SQL, so the status filter finds exactly what the badge shows.
 */
export const WALLEX_CLOSING_STATUSES = ["withdrawn", "terminated", "closed"] as const;

/** Wallex's user statuses (users.md §2.1) people filter by, in the order of the lifecycle. */
export const WALLEX_USER_STATUSES = [
  "pending_approval",
  "document_needs_resubmission",
  "approved",
  ...WALLEX_CLOSING_STATUSES,
] as const;

export const OUR_STAGES = [
  "invited",
  "in_progress",
  "in_partner_review",
  "changes_requested",
  "submitted",
] as const satisfies readonly MemberStage[];

/** Lower-cased, with the older spelling Wallex's docs replaced (README D12). */
export function normaliseWallexStatus(status: string | null | undefined) {
  if (!status) return null;
  const lower = status.trim().toLowerCase();
  return lower === "documents_need_resubmission" ? "document_needs_resubmission" : lower || null;
}

export function kycStatusOf(member: { stage: MemberStage; wallexStatus: string | null }): string {
  const wallex = normaliseWallexStatus(member.wallexStatus);
  const closing = (WALLEX_CLOSING_STATUSES as readonly string[]).includes(wallex ?? "");
  if (wallex && wallex !== "draft" && (member.stage === "submitted" || closing)) return wallex;
  return member.stage;
}

/** Whether the status is ours (the member is not at Wallex screening yet) or Wallex's. */
export const isOurStage = (status: string) => (OUR_STAGES as readonly string[]).includes(status);

const LABELS: Record<string, string> = {
  invited: "Invited",
  in_progress: "In progress",
  in_partner_review: "In partner review",
  changes_requested: "Changes requested",
  submitted: "Sent to Wallex",
  pending_approval: "Pending approval",
  document_needs_resubmission: "Document needs resubmission",
  approved: "Approved",
  withdrawn: "Withdrawn",
  terminated: "Terminated",
  closed: "Closed",
};

export function kycStatusLabel(status: string) {
  const label = LABELS[status];
  if (label) return label;
  const words = status.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type KycTone = "success" | "warning" | "destructive" | "info" | "secondary";

export function kycStatusTone(status: string): KycTone {
  if (status === "approved") return "success";
  if (/withdrawn|terminated|closed|rejected/.test(status)) return "destructive";
  if (status === "changes_requested" || /resubmission/.test(status)) return "warning";
  if (/pending|review|submitted/.test(status)) return "info";
  return "secondary";
}

/** Entries of `missingFields` that name a document ("document:passport", "documents.proofOfAddress"). */
const DOCUMENT_ENTRY = /^documents?[.:/_-]/i;

/** "3 fields, 1 document", or null when nothing is missing. */
export function missingSummary(missing: readonly string[]) {
  const documents = missing.filter((entry) => DOCUMENT_ENTRY.test(entry)).length;
  const fields = missing.length - documents;
  if (missing.length === 0) return null;
  const parts = [
    fields > 0 ? `${fields} ${fields === 1 ? "field" : "fields"}` : null,
    documents > 0 ? `${documents} ${documents === 1 ? "document" : "documents"}` : null,
  ];
  return parts.filter(Boolean).join(", ");
}

/** A missing entry as people read it: "document:proof_of_address" → "Proof of address (document)". */
export function missingEntryLabel(entry: string) {
  const isDocument = DOCUMENT_ENTRY.test(entry);
  const name = (isDocument ? entry.replace(DOCUMENT_ENTRY, "") : entry).split(".").pop() ?? entry;
  const words = humaniseKey(name);
  return isDocument ? `${words} (document)` : words;
}

/** "dateOfBirth" / "date_of_birth" → "Date of birth". */
export function humaniseKey(key: string) {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/** Companies by their name, people by theirs. */
export function memberDisplayName(member: {
  accountType: "individual" | "company";
  companyName: string | null;
  firstName: string;
  lastName: string;
}) {
  const person = `${member.firstName} ${member.lastName}`.trim();
  return member.accountType === "company" && member.companyName?.trim() ? member.companyName.trim() : person;
}
