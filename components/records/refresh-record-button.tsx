"use client";

import { ActionButton } from "@/components/forms/action-button";
import { refreshRecordAction } from "@/lib/actions/records/refresh-record";

export function RefreshRecordButton(props: { partnerSlug: string; kind: string; recordId: string }) {
  return (
    <ActionButton
      action={refreshRecordAction}
      fields={props}
      variant="outline"
      success={({ changed, after }) =>
        changed ? `Updated from Wallex: now ${after ?? "current"}.` : "Already current."
      }
    >
      Refresh from Wallex
    </ActionButton>
  );
}
