import { describe, expect, test } from "vitest";
import { kycStatusLabel, kycStatusOf, memberDisplayName, missingEntryLabel, missingSummary } from "./kyc-status";

describe("a member's KYC status and what is missing, as the lists say them", () => {
  test("our stage until Wallex screens the member, then Wallex's status; Wallex's closing statuses win", () => {
    expect(kycStatusOf({ stage: "invited", wallexStatus: null })).toBe("invited");
    expect(kycStatusOf({ stage: "in_progress", wallexStatus: "draft" })).toBe("in_progress");
    expect(kycStatusOf({ stage: "changes_requested", wallexStatus: "document_needs_resubmission" })).toBe(
      "changes_requested",
    );
    expect(kycStatusOf({ stage: "submitted", wallexStatus: null })).toBe("submitted");
    expect(kycStatusOf({ stage: "submitted", wallexStatus: "Approved" })).toBe("approved");
    expect(kycStatusOf({ stage: "submitted", wallexStatus: "documents_need_resubmission" })).toBe(
      "document_needs_resubmission",
    );
    expect(kycStatusOf({ stage: "in_progress", wallexStatus: "terminated" })).toBe("terminated");
    expect(kycStatusLabel("in_partner_review")).toBe("In partner review");
    expect(kycStatusLabel("pending_docs")).toBe("Pending docs");
  });

  test("missing fields are counted as fields and documents, in words", () => {
    expect(missingSummary([])).toBeNull();
    expect(missingSummary(["dateOfBirth"])).toBe("1 field");
    expect(missingSummary(["dateOfBirth", "city", "postalCode", "document:passport"])).toBe("3 fields, 1 document");
    expect(missingSummary(["documents.passport", "document:proof_of_address"])).toBe("2 documents");
    expect(missingEntryLabel("personal.dateOfBirth")).toBe("Date of birth");
    expect(missingEntryLabel("document:proof_of_address")).toBe("Proof of address (document)");
  });

  test("companies go by the company's name, people by theirs", () => {
    const person = { firstName: "Siti", lastName: "Rahman", companyName: null };
    expect(memberDisplayName({ ...person, accountType: "individual" })).toBe("Siti Rahman");
    expect(memberDisplayName({ ...person, accountType: "company", companyName: " Lion Pte Ltd " })).toBe(
      "Lion Pte Ltd",
    );
    expect(memberDisplayName({ ...person, accountType: "company", companyName: "  " })).toBe("Siti Rahman");
  });
});
