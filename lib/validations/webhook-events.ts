import { z } from "zod";

export const webhookFiltersSchema = z.object({
  resource: z.string().trim().max(100).optional().catch(undefined),
  outcome: z.enum(["received", "processed", "failed", "rejected"]).optional().catch(undefined),
  resourceId: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type WebhookFilters = z.infer<typeof webhookFiltersSchema>;
