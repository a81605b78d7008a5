import { describe, expect, test } from "vitest";
import { trackerState } from "./tracker";

describe("the member's status tracker", () => {
  test("follows our stage until Wallex decides", () => {
    expect(trackerState("invited", null)).toEqual({ current: "invited", next: "start", attention: false });
    expect(trackerState("in_progress", "draft")).toMatchObject({ current: "in_progress", next: "continue" });
    expect(trackerState("in_partner_review", "draft")).toMatchObject({ current: "in_review", next: "wait_partner" });
    expect(trackerState("submitted", "pending_approval")).toMatchObject({ current: "submitted", next: "wait_wallex" });
  });

  test("Wallex's word wins: approved, asked for documents again, or closed", () => {
    expect(trackerState("submitted", "approved")).toMatchObject({ current: "approved", next: "approved" });
    expect(trackerState("submitted", "Active")).toMatchObject({ current: "approved" });
    expect(trackerState("submitted", "document_needs_resubmission")).toEqual({
      current: "in_progress",
      next: "fix",
      attention: true,
    });
    expect(trackerState("changes_requested", null)).toMatchObject({ next: "fix", attention: true });
    expect(trackerState("submitted", "terminated")).toMatchObject({ next: "closed", attention: true });
  });
});
