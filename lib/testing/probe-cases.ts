/**
 * The security probe's malformed inputs (issue 8), as a page or action receives them once the URL
 * or form is decoded. `%00` arrives as NUL; `%ED%A0%80` (a lone surrogate in UTF-8) as U+FFFD in a
 * URL, but a server action called from script can send the lone surrogate itself.
 */
export const MALFORMED_TEXT: readonly unknown[] = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\u0007bell",
  "x".repeat(10_240),
  ["a", "b"],
  { a: 1 },
  12345,
  null,
];

/** Values that are fine as free text but no id, number, date, email or choice. */
export const ODD_VALUES: readonly string[] = [
  "2024-13-45",
  "2024-02-30",
  "1e309",
  "-1",
  "NaN",
  "Infinity",
  "-".repeat(36),
  "9".repeat(40),
  "' or 1=1 --",
  "%",
  "\ufffd",
];

/** Query parameter values for filters: strings and repeated parameters (arrays). */
export const QUERY_VALUES: readonly (string | string[])[] = [
  ...(MALFORMED_TEXT.filter((v) => typeof v === "string") as string[]),
  ...ODD_VALUES,
  ["1", "2"],
  ["\u0000", "x"],
];
