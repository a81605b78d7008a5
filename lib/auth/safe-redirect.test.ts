import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  test.each([
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "https://evil.example",
    "https://evil.example/p/demo",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,hi",
    "evil.example",
    "p/demo",
    "",
    "https://user:pw@partner-desk.invalid/",
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  test("a tab smuggled in as %09 reaches us decoded by the query string, and is refused", () => {
    const callbackUrl = new URLSearchParams("callbackUrl=/%09/evil.example").get("callbackUrl");
    expect(safeRedirectPath(callbackUrl)).toBe("/");
  });

  test.each([
    ["/p/demo", "/p/demo"],
    ["/p/demo/records/payment?status=open#top", "/p/demo/records/payment?status=open#top"],
    ["/invite/abc%2Fdef", "/invite/abc%2Fdef"],
    ["/p/demo/../demo/team", "/p/demo/team"],
  ])("keeps the same-origin path %j", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  test("absolute URLs are taken only on the origin given", () => {
    const origin = "http://localhost:3000";
    expect(safeRedirectPath("http://localhost:3000/p/demo?x=1", { origin })).toBe("/p/demo?x=1");
    expect(safeRedirectPath("http://localhost:3001/p/demo", { origin })).toBe("/");
    expect(safeRedirectPath("https://localhost:3000/p/demo", { origin })).toBe("/");
    expect(safeRedirectPath("http://localhost:3000/p/demo")).toBe("/");
  });

  test("anything that is not a string falls back, to the fallback asked for", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/p/demo"], { fallback: "/sign-in" })).toBe("/sign-in");
    expect(safeRedirectPath("//evil.example", { fallback: "/account" })).toBe("/account");
  });
});
