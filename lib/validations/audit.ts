import { z } from "zod";
import { filterDay, filterPage, filterText } from "./search-params";

/** Audit filters from the URL; anything malformed is ignored rather than failing the page. */
export const auditFiltersSchema = z.object({
  action: filterText(100),
  actor: filterText(254),
  from: filterDay,
  to: filterDay,
  page: filterPage,
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;
