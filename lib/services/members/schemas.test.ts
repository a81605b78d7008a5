import { describe, expect, test } from "vitest";
import { newMemberSchema } from "./schemas";

const base = {
  idempotencyKey: crypto.randomUUID(),
  signup: "lite_individual",
  email: "budi@example.com",
  firstName: "Budi",
  lastName: "Santoso",
  countryCode: "ID",
  locale: "id",
};
const dateOfBirthErrors = (dateOfBirth: string) => {
  const parsed = newMemberSchema.safeParse({ ...base, dateOfBirth });
  return parsed.success ? [] : parsed.error.issues.filter((i) => i.path[0] === "dateOfBirth").map((i) => i.message);
};
const yearsAgo = (years: number) => `${new Date().getUTCFullYear() - years}-01-01`;

describe("new member: date of birth (lite individual)", () => {
  test("a real date of an adult passes, and it is optional", () => {
    expect(dateOfBirthErrors("1990-01-31")).toEqual([]);
    expect(newMemberSchema.safeParse(base).success).toBe(true);
  });

  test.each([
    ["2023-02-29", "Enter a real date."],
    ["31-01-1990", "Enter a real date."],
    [yearsAgo(10), "The member must be 18 or older."],
    [yearsAgo(130), "Check the year."],
  ])("%s is refused at the field", (value, message) => {
    expect(dateOfBirthErrors(value)).toEqual([message]);
  });
});
