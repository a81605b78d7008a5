import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { csvStream, neutraliseCsvCell } from "./csv";

async function toCsv(rows: unknown[][], columns: string[]) {
  const csv = csvStream({ header: true, columns });
  let out = "";
  csv.on("data", (chunk) => (out += chunk));
  const done = new Promise((resolve, reject) => csv.on("end", resolve).on("error", reject));
  for (const row of rows) csv.write(row);
  csv.end();
  await done;
  return out;
}

test("a cell a spreadsheet would run as a formula is prefixed with a quote; others are left alone", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseCsvCell(`${start}1+1`)).toBe(`'${start}1+1`);
  for (const safe of ["hello", "a=b", "", "'quoted", "2024-01-01"]) expect(neutraliseCsvCell(safe)).toBe(safe);
  expect(neutraliseCsvCell(-1)).toBe(-1);
  expect(neutraliseCsvCell(null)).toBe(null);
});

test("the CSV stream neutralises every string cell and the header", async () => {
  const text = await toCsv([[1, '=HYPERLINK("http://evil","x")', "@SUM(A1)", "plain"]], ["seq", "=evil", "b", "c"]);
  const [header, row] = text.trim().split("\n");
  expect(header).toBe("seq,'=evil,b,c");
  expect(row).toBe(`1,"'=HYPERLINK(""http://evil"",""x"")",'@SUM(A1),plain`);
});

test("every CSV export goes through lib/csv.ts, never csv-stringify directly", () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (
        /\.tsx?$/.test(name) &&
        !name.endsWith(".test.ts") &&
        path !== join("lib", "csv.ts") &&
        /from "csv-stringify/.test(readFileSync(path, "utf8"))
      )
        offenders.push(path);
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(dir);
  expect(offenders).toEqual([]);
});
