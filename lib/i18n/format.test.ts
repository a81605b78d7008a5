import { describe, expect, test } from "vitest";
import { formatAmount, formatDate, formatDateTime, formatNumber } from "./format";
import { localeFromAcceptLanguage, pickLocale } from "./locales";
import en from "./messages/en.json";
import id from "./messages/id.json";

describe("formatting per language", () => {
  test("numbers: English groups with commas, Indonesian with dots and a decimal comma", () => {
    expect(formatNumber("1234567.5", "en")).toBe("1,234,567.5");
    expect(formatNumber("1234567.5", "id")).toBe("1.234.567,5");
    expect(formatNumber(42, "id")).toBe("42");
    // No float on the way: 17 significant digits survive.
    expect(formatNumber("12345678901234.567", "id")).toBe("12.345.678.901.234,567");
  });

  test("amounts: rounded to the currency's minor unit, code first", () => {
    expect(formatAmount("1500000", "IDR", "id")).toMatch(/^IDR 1\.500\.000(,00)?$/);
    expect(formatAmount("1234.505", "SGD", "en")).toBe("SGD 1,234.50");
    expect(formatAmount("1234.515", "SGD", "id")).toBe("SGD 1.234,52");
  });

  test("dates: in UTC, with each language's month names", () => {
    const date = new Date("2026-12-02T23:30:00Z");
    expect(formatDate(date, "en")).toBe("2 Dec 2026");
    expect(formatDate(date, "id")).toBe("2 Des 2026");
    expect(formatDateTime(date, "id")).toMatch(/^2 Des 2026.*23[.:]30/);
  });
});

describe("choosing the language", () => {
  test("the member's saved language wins, then the cookie, then Accept-Language, then English", () => {
    expect(pickLocale({ member: "id", cookie: "en", acceptLanguage: "en" })).toBe("id");
    expect(pickLocale({ cookie: "id", acceptLanguage: "en" })).toBe("id");
    expect(pickLocale({ cookie: "fr", acceptLanguage: "fr-FR,id;q=0.5" })).toBe("id");
    expect(pickLocale({ acceptLanguage: "de" })).toBe("en");
    expect(pickLocale({})).toBe("en");
  });

  test("Accept-Language is read by quality, with the old Indonesian code too", () => {
    expect(localeFromAcceptLanguage("en;q=0.4, id-ID;q=0.9")).toBe("id");
    expect(localeFromAcceptLanguage("in-ID")).toBe("id");
    expect(localeFromAcceptLanguage("id;q=0, en")).toBe("en");
    expect(localeFromAcceptLanguage("")).toBeNull();
  });
});

describe("messages", () => {
  const keys = (value: unknown, prefix = ""): string[] =>
    value && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];

  test("Bahasa Indonesia has every English message, and no other", () => {
    expect(keys(id).sort()).toEqual(keys(en).sort());
  });

  test("Bahasa Indonesia uses Wallex's own terms", () => {
    const text = JSON.stringify(id);
    for (const term of ["pembayaran", "konversi", "pengumpulan", "Kredensial"]) expect(text).toContain(term);
  });
});
