"use client";

import { ActionButton } from "@/components/forms/action-button";
import { replayWebhookEventAction } from "@/lib/actions/webhooks/replay-webhook-event";

/** Re-reads the event's object from Wallex now; the toast says what changed. */
export function ReplayButton({ partnerSlug, eventId }: { partnerSlug: string; eventId: string }) {
  return (
    <ActionButton
      action={replayWebhookEventAction}
      fields={{ partnerSlug, eventId }}
      success={({ result }) => `Replayed: ${result}`}
      variant="outline"
    >
      Replay
    </ActionButton>
  );
}
