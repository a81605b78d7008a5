import { z } from "zod";

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

export const webhookFiltersSchema = z.object({
  resource: text(100),
  status: text(100),
  member: text(200),
  outcome: z.enum(["received", "processed", "failed", "rejected"]).optional().catch(undefined),
  resourceId: text(200),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type WebhookFilters = z.infer<typeof webhookFiltersSchema>;

export const replayWebhookSchema = z.object({ eventId: z.uuid("Choose an event to replay.") });
