import { z } from "zod";
import { filterEnum, filterPage, filterText, idPrefixProblem } from "./search-params";

/** API log filters from the URL; anything malformed is ignored rather than failing the page. */
export const apiLogFiltersSchema = z.object({
  operation: filterText(100),
  outcome: filterEnum(["ok", "error"]),
  requestId: filterText(100),
  page: filterPage,
});

export type ApiLogFilters = z.infer<typeof apiLogFiltersSchema>;

/** Filters that parse but cannot mean what the person wanted: shown at the field, and no query runs. */
export function apiLogFilterProblems(filters: ApiLogFilters): { requestId?: string } | null {
  const requestId = idPrefixProblem(filters.requestId);
  return requestId ? { requestId } : null;
}
