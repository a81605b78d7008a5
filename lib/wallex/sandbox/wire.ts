import { NUMERIC_KEYS } from "./arithmetic";
import type { LooseJson } from "./loose-json";

/** Internal record → JSON body: drops "_" keys and sends money strings as JSON numbers. */
export function wire(value: unknown): LooseJson {
  if (Array.isArray(value)) return value.map(wire);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith("_")) continue;
      out[k] = NUMERIC_KEYS.has(k) && typeof v === "string" ? Number(v) : wire(v);
    }
    return out;
  }
  return value;
}
