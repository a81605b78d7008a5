"use client";

import { ActionButton } from "@/components/forms/action-button";
import { markNotificationsReadAction } from "@/lib/actions/notifications/mark-notifications-read";

export function MarkAllReadButton(props: { partnerSlug: string; upTo: string }) {
  return (
    <ActionButton action={markNotificationsReadAction} fields={props} variant="outline" success="Marked as read.">
      Mark all read
    </ActionButton>
  );
}
