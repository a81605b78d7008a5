import { z } from "zod";
import { filterPage, filterText } from "./search-params";
import { userText } from "./text";

export const recordFiltersSchema = z.object({
  status: filterText(100),
  member: filterText(200),
  q: filterText(200),
  page: filterPage,
});

export type RecordFilters = z.infer<typeof recordFiltersSchema>;

export const refreshRecordSchema = z.object({ kind: userText.max(50), recordId: z.uuid("Choose a record.") });
