import { stringify, type Options } from "csv-stringify";

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(...)`, `@SUM`,
 * `+cmd|...`); a leading tab or carriage return hides such a cell from a naive check.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** OWASP's advice for CSV injection: prefix the cell with a quote so it is read as text. */
export function neutraliseCsvCell(value: unknown): unknown {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The one CSV writer for every export: a csv-stringify stream whose string cells are neutralised,
 * header included. Use it instead of csv-stringify directly.
 */
export function csvStream(options: Omit<Options, "cast"> & { columns: string[] }) {
  return stringify({
    ...options,
    columns: options.columns.map((c) => String(neutraliseCsvCell(c))),
    cast: { string: (value) => String(neutraliseCsvCell(value)) },
  });
}
