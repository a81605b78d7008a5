import { z } from "zod";
import { filterEnum, filterPage, filterText } from "./search-params";

export const webhookFiltersSchema = z.object({
  resource: filterText(100),
  status: filterText(100),
  member: filterText(200),
  outcome: filterEnum(["received", "processed", "failed", "rejected"]),
  resourceId: filterText(200),
  page: filterPage,
});

export type WebhookFilters = z.infer<typeof webhookFiltersSchema>;

export const replayWebhookSchema = z.object({ eventId: z.uuid("Choose an event to replay.") });
