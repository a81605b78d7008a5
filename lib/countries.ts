/**
 * ISO 3166-1 alpha-2 countries with English names, from the runtime's CLDR data (no hand-kept list
 * to rot). Compute it on the server and pass it down: a browser's CLDR may name a few differently.
 */
const NOT_ISO = new Set(
  "AC CP CQ DG EA EU EZ IC QO TA UN XA XB XK ZR AN BU CS DD FX NT SU TP YD YU DY HV NH RH UK VD".split(" "),
);

export type Country = { code: string; name: string };

function build(): Country[] {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const out: Country[] = [];
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code && name !== "Unknown Region" && !NOT_ISO.has(code)) out.push({ code, name });
    }
  }
  return out.sort((x, y) => x.name.localeCompare(y.name, "en"));
}

export const COUNTRIES: readonly Country[] = build();
const byCode = new Map(COUNTRIES.map((c) => [c.code, c.name]));
export const isCountry = (code: unknown): code is string => typeof code === "string" && byCode.has(code);
export const countryName = (code: string) => byCode.get(code);
