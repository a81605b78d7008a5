import { z } from "zod";

/** API log filters from the URL; anything malformed is ignored rather than failing the page. */
export const apiLogFiltersSchema = z.object({
  operation: z.string().trim().max(100).optional().catch(undefined),
  outcome: z.enum(["ok", "error"]).optional().catch(undefined),
  requestId: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type ApiLogFilters = z.infer<typeof apiLogFiltersSchema>;
