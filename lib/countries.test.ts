import { expect, test } from "vitest";
import { COUNTRIES, countryName, isCountry } from "./countries";
import { partnerProfileSchema } from "./validations/settings";

const profile = (country: string) =>
  partnerProfileSchema.safeParse({ name: "Acme", legalName: "", country, supportEmail: "", website: "" });

test("the list is ISO 3166-1 alpha-2, named in English and sorted by name", () => {
  expect(COUNTRIES).toHaveLength(249);
  expect(countryName("SG")).toBe("Singapore");
  expect(countryName("SI")).toBe("Slovenia");
  expect(isCountry("XK")).toBe(false); // Kosovo: a user-assigned code, not ISO
  expect(isCountry("EU")).toBe(false);
  const names = COUNTRIES.map((c) => c.name);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
});

test("the profile's country is a code from the list, or nothing; free text is no longer cut to two letters", () => {
  expect(profile("SG")).toMatchObject({ success: true, data: { country: "SG" } });
  expect(profile("")).toMatchObject({ success: true, data: { country: null } });
  for (const bad of ["Singapore", "SI ngapore", "ZZ", "XK", "sg"]) {
    const result = profile(bad);
    expect(result.success, bad).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Choose a country from the list.");
  }
});
