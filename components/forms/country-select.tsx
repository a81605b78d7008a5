import { NativeSelect, type NativeSelectProps } from "@/components/ui/select";
import type { Country } from "@/lib/countries";

type Props = Omit<NativeSelectProps, "children"> & {
  /** lib/countries' COUNTRIES, passed from the server so names match between server and browser. */
  countries: readonly Country[];
  /** Label of the blank choice; omit it to make a country required. */
  noneLabel?: string;
};

/** Countries by name, posting their ISO 3166-1 alpha-2 code. A stored code that is not one stays visible. */
export function CountrySelect({ countries, noneLabel, defaultValue, ...props }: Props) {
  const current = typeof defaultValue === "string" ? defaultValue : "";
  const unknown = current !== "" && !countries.some((c) => c.code === current);
  return (
    <NativeSelect defaultValue={current} {...props}>
      {noneLabel !== undefined && <option value="">{noneLabel}</option>}
      {unknown && <option value={current}>{current} (not a country code)</option>}
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </NativeSelect>
  );
}
