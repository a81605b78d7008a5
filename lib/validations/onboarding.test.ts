import { describe, expect, test } from "vitest";
import {
  ageOn,
  emailSchema,
  parseIsoDate,
  parseStep,
  phoneCodeSchema,
  phoneNumberSchema,
  postalCodeProblem,
  type OnboardingContext,
} from "./onboarding";

const ctx: OnboardingContext = {
  lists: {
    countries: ["SG", "ID", "MY", "GB", "US"],
    businessTypes: ["Trading", "IT Services"],
    entityTypes: ["private_limited", "sole_proprietor"],
    productsUsage: ["payments", "collections"],
  },
  today: new Date(Date.UTC(2026, 11, 2)),
};

const personal = (raw: Record<string, unknown>) => parseStep("personal", raw, ctx);
const errorsOf = (result: ReturnType<typeof parseStep>) => (result.ok ? {} : result.fieldErrors);

describe("dates", () => {
  test.each([
    "2023-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "1990-1-1",
    "01-02-1990",
    "yesterday",
    "1799-12-31",
  ])("%s is not a real date", (value) => {
    expect(parseIsoDate(value)).toBeNull();
    expect(errorsOf(personal({ birthDate: value }))).toEqual({ birthDate: ["realDate"] });
  });

  test("a leap day exists in a leap year", () => {
    expect(parseIsoDate("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });

  test("age counts from the birthday itself", () => {
    const today = ctx.today!;
    expect(ageOn(parseIsoDate("2008-12-02")!, today)).toBe(18);
    expect(ageOn(parseIsoDate("2008-12-03")!, today)).toBe(17);
  });

  test("under 18, over 120 and born in the future are refused; 18 today is fine", () => {
    expect(errorsOf(personal({ birthDate: "2008-12-03" }))).toEqual({ birthDate: ["underAge"] });
    expect(errorsOf(personal({ birthDate: "1905-12-01" }))).toEqual({ birthDate: ["tooOld"] });
    expect(errorsOf(personal({ birthDate: "2027-01-01" }))).toEqual({ birthDate: ["futureDate"] });
    expect(personal({ birthDate: "2008-12-02" }).ok).toBe(true);
    expect(personal({ birthDate: "1906-12-02" }).ok).toBe(true);
  });

  test("an ID issued in the future or before birth, or already expired, is refused", () => {
    expect(errorsOf(personal({ birthDate: "1990-05-01", idIssueDate: "2027-01-01" }))).toEqual({
      idIssueDate: ["futureDate"],
    });
    expect(errorsOf(personal({ birthDate: "1990-05-01", idIssueDate: "1989-01-01" }))).toEqual({
      idIssueDate: ["issueBeforeBirth"],
    });
    expect(errorsOf(personal({ idExpiryDate: "2026-12-02" }))).toEqual({ idExpiryDate: ["expired"] });
    expect(errorsOf(personal({ idExpiryDate: "2020-01-01" }))).toEqual({ idExpiryDate: ["expired"] });
    expect(personal({ birthDate: "1990-05-01", idIssueDate: "2020-01-01", idExpiryDate: "2026-12-03" }).ok).toBe(true);
  });

  test("a company incorporated in the future is refused", () => {
    expect(errorsOf(parseStep("company", { incorporationDate: "2030-01-01" }, ctx))).toEqual({
      incorporationDate: ["futureDate"],
    });
  });
});

describe("emails and phones", () => {
  test.each(["", "ana", "ana@", "@example.com", "ana@example", "ana @example.com", "ana@exa mple.com", "a@b..com"])(
    "%j is not an email",
    (value) => expect(emailSchema.safeParse(value).success).toBe(false),
  );
  test("a plain address passes", () => {
    expect(emailSchema.parse(" siti.rahma+1@example.co.id ")).toBe("siti.rahma+1@example.co.id");
  });

  test("dialling codes: 1–3 digits, the + dropped", () => {
    expect(phoneCodeSchema.parse("+62")).toBe("62");
    expect(phoneCodeSchema.parse("65")).toBe("65");
    for (const bad of ["0", "+0", "6512", "+", "sg", "6 5"]) expect(phoneCodeSchema.safeParse(bad).success).toBe(false);
  });

  test("numbers: 6–14 digits, spaces and dashes dropped", () => {
    expect(phoneNumberSchema.parse("9123 4567")).toBe("91234567");
    expect(phoneNumberSchema.parse("812-3456-7890")).toBe("81234567890");
    for (const bad of ["12345", "123456789012345", "9123abcd", "+6591234567"])
      expect(phoneNumberSchema.safeParse(bad).success).toBe(false);
  });

  test("a number without its country code is refused at the code", () => {
    expect(errorsOf(personal({ phoneNumber: "91234567" }))).toEqual({ phoneCountryCode: ["phoneCodeNeeded"] });
    expect(errorsOf(personal({ phoneCountryCode: "65", phoneNumber: "12" }))).toEqual({ phoneNumber: ["phoneNumber"] });
    const ok = personal({ phoneCountryCode: "+65", phoneNumber: "9123 4567" });
    expect(ok.ok && ok.values).toEqual({ phoneCountryCode: "65", phoneNumber: "91234567" });
  });
});

describe("postal codes and countries", () => {
  test("Singapore 6 digits, Indonesia 5 digits, elsewhere 3–10 letters or digits", () => {
    expect(postalCodeProblem("018956", "SG")).toBeNull();
    expect(postalCodeProblem("18956", "SG")).toBe("postalSG");
    expect(postalCodeProblem("01895A", "SG")).toBe("postalSG");
    expect(postalCodeProblem("10110", "ID")).toBeNull();
    expect(postalCodeProblem("101100", "ID")).toBe("postalID");
    expect(postalCodeProblem("SW1A 1AA", "GB")).toBeNull();
    expect(postalCodeProblem("50450", "MY")).toBeNull();
    expect(postalCodeProblem("12", "US")).toBe("postal");
    expect(postalCodeProblem("12345678901", "US")).toBe("postal");
    expect(postalCodeProblem("12#45", "US")).toBe("postal");
  });

  test("the postal code is checked against the country of residence", () => {
    expect(errorsOf(personal({ residenceCountry: "SG", postalCode: "10110" }))).toEqual({ postalCode: ["postalSG"] });
    expect(errorsOf(personal({ residenceCountry: "ID", postalCode: "018956" }))).toEqual({ postalCode: ["postalID"] });
    expect(personal({ residenceCountry: "id", postalCode: "10110" }).ok).toBe(true);
  });

  test("the company's postal code follows its country of operations, else of incorporation", () => {
    expect(errorsOf(parseStep("company", { incorporationCountry: "SG", postalCode: "1234" }, ctx))).toEqual({
      postalCode: ["postalSG"],
    });
    expect(
      parseStep("company", { incorporationCountry: "SG", operatingCountry: "ID", postalCode: "10110" }, ctx).ok,
    ).toBe(true);
  });

  test.each(["SGP", "S", "12", "XX", "Singapore"])("%s is not a country Wallex lists", (value) => {
    expect(errorsOf(personal({ nationality: value }))).toEqual({ nationality: ["country"] });
  });

  test("country codes are upper-cased", () => {
    const ok = personal({ nationality: "sg" });
    expect(ok.ok && ok.values.nationality).toBe("SG");
  });
});

describe("choices", () => {
  test("fixed lists (gender, ID type, employment) and Wallex's lists refuse anything else", () => {
    expect(errorsOf(personal({ gender: "other", idType: "national_id", employmentStatus: "employed" }))).toEqual({
      gender: ["choice"],
      idType: ["choice"],
      employmentStatus: ["choice"],
    });
    expect(errorsOf(parseStep("company", { businessType: "Casino" }, ctx))).toEqual({ businessType: ["choice"] });
    expect(
      errorsOf(parseStep("due_diligence", { entityType: "trust", productsUsage: ["payments", "crypto"] }, ctx)),
    ).toEqual({ entityType: ["choice"], productsUsage: ["choice"] });
    const ok = parseStep("due_diligence", { entityType: "private_limited", productsUsage: "payments" }, ctx);
    expect(ok.ok && ok.values).toEqual({ entityType: "private_limited", productsUsage: ["payments"] });
  });

  test("a half-filled step is a valid draft: empty fields are left out", () => {
    const ok = personal({ gender: "", birthDate: "", nationality: "ID", address: "  Jl. Sudirman 1  " });
    expect(ok.ok && ok.values).toEqual({ nationality: "ID", address: "Jl. Sudirman 1" });
  });

  test("over-long text is refused", () => {
    expect(errorsOf(personal({ idNumber: "x".repeat(51) }))).toEqual({ idNumber: ["tooLong"] });
  });
});
