import { z } from "zod";
import { filterDay, filterPage, filterText, idPrefixProblem } from "./search-params";

/** Audit filters from the URL; anything malformed is ignored rather than failing the page. */
export const auditFiltersSchema = z.object({
  action: filterText(100),
  actor: filterText(254),
  requestId: filterText(100),
  from: filterDay,
  to: filterDay,
  page: filterPage,
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export type AuditFilterProblems = { from?: string; requestId?: string };

/** Filters that parse but cannot mean what the person wanted: shown at the field, and no query runs. */
export function auditFilterProblems(filters: Omit<AuditFilters, "page">): AuditFilterProblems | null {
  const problems: AuditFilterProblems = {
    from: filters.from && filters.to && filters.from > filters.to ? "From must be on or before To." : undefined,
    requestId: idPrefixProblem(filters.requestId),
  };
  return problems.from || problems.requestId ? problems : null;
}
