import { z } from "zod";

export const recordFiltersSchema = z.object({
  status: z.string().trim().max(100).optional().catch(undefined),
  member: z.string().trim().max(200).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type RecordFilters = z.infer<typeof recordFiltersSchema>;

export const refreshRecordSchema = z.object({ kind: z.string().max(50), recordId: z.uuid("Choose a record.") });
