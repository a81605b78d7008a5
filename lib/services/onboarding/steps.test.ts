import { describe, expect, test } from "vitest";
import { firstUnfinishedStep, replaceStepMissing, stepFromSlug, stepStatuses, stepsFor } from "./steps";

const saved = new Date();
const fullPersonal = {
  birthDate: "1990-01-01",
  nationality: "ID",
  address: "Jl. Sudirman 1",
  idType: "passport",
  idNumber: "A1234567",
};

describe("wizard steps", () => {
  test("the company step is for company accounts only", () => {
    expect(stepsFor("individual")).toEqual(["personal", "due_diligence", "documents", "review"]);
    expect(stepsFor("company")).toEqual(["personal", "company", "due_diligence", "documents", "review"]);
    expect(stepFromSlug("due-diligence")).toBe("due_diligence");
    expect(stepFromSlug("due_diligence")).toBeUndefined();
  });

  test("states: not started, needs something (ours, Wallex's, a comment, not yet accepted), done", () => {
    const statuses = stepStatuses({
      accountType: "company",
      stage: "in_progress",
      missingFields: ["company.businessType", "documents.identity"],
      drafts: [
        { step: "personal", data: fullPersonal, savedToWallexAt: saved },
        { step: "company", data: { registrationNumber: "R1" }, savedToWallexAt: saved },
        {
          step: "due_diligence",
          data: { entityType: "individual", productsUsage: ["payments"] },
          savedToWallexAt: null,
        },
      ],
      commentFields: [],
    });
    const byStep = Object.fromEntries(statuses.map((s) => [s.step, s]));
    expect(byStep.personal.state).toBe("done");
    // A required field missing is known before review: our list (incorporationCountry, address) and Wallex's (businessType).
    expect(byStep.company).toMatchObject({ state: "needs" });
    expect(byStep.company.missing.sort()).toEqual([
      "company.address",
      "company.businessType",
      "company.incorporationCountry",
    ]);
    // Complete, but Wallex has not accepted it yet.
    expect(byStep.due_diligence).toMatchObject({ state: "needs", missing: [] });
    expect(byStep.documents).toMatchObject({ state: "needs", missing: ["documents.identity"] });
    expect(firstUnfinishedStep(statuses)).toBe("company");
  });

  test("a comment on a field makes its step need something; nothing started resumes at the first step", () => {
    const statuses = stepStatuses({
      accountType: "individual",
      stage: "changes_requested",
      missingFields: [],
      drafts: [{ step: "personal", data: fullPersonal, savedToWallexAt: saved }],
      commentFields: ["personal.idNumber", null],
    });
    expect(statuses[0]).toMatchObject({ step: "personal", state: "needs", comments: 1 });
    expect(firstUnfinishedStep(statuses)).toBe("personal");
    expect(
      firstUnfinishedStep(
        stepStatuses({ accountType: "individual", stage: "invited", missingFields: [], drafts: [], commentFields: [] }),
      ),
    ).toBe("personal");
  });

  test("a step's missing fields are replaced, the others kept", () => {
    expect(replaceStepMissing(["personal.city", "documents.identity"], "personal", ["idNumber"])).toEqual([
      "documents.identity",
      "personal.idNumber",
    ]);
  });
});
