"use server";

import { revalidatePath } from "next/cache";
import { replayWebhookEvent } from "@/lib/services/webhook-replay";
import { replayWebhookSchema } from "@/lib/validations/webhook-events";
import { defineStaffAction } from "../define-action";

export const replayWebhookEventAction = defineStaffAction(
  { name: "webhooks.replayed", schema: replayWebhookSchema, permission: "webhooks.replay", transaction: false },
  async ({ eventId }, { db, scope, audit }) => {
    const replayed = await replayWebhookEvent(db, scope, eventId);
    audit({
      target: { type: "webhook_event", id: eventId },
      after: { resource: replayed.resource, resourceId: replayed.resourceId, result: replayed.result },
    });
    revalidatePath(`/p/${scope.partnerSlug}/webhooks`);
    return { result: replayed.result };
  },
);
