import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/format";
import type { WebhookAlarm as Alarm } from "@/lib/data/webhook-alarm";

/** Shown while Wallex's notifications have stopped though our calls should have caused some. */
export function WebhookAlarm({ alarm, partnerSlug, canFix }: { alarm: Alarm; partnerSlug: string; canFix: boolean }) {
  if (!alarm.stalled) return null;
  return (
    <Alert variant="warning" data-testid="webhook-alarm">
      <TriangleAlert />
      <AlertTitle>Wallex notifications have stopped arriving</AlertTitle>
      <AlertDescription>
        {alarm.unanswered} call{alarm.unanswered === 1 ? "" : "s"} that should have produced a notification got none
        back (last notification: {alarm.lastEventAt ? formatDateTime(alarm.lastEventAt) : "never"}). Statuses are still
        kept current by the reconcile job every five minutes.{" "}
        {canFix ? (
          <>
            Check the subscription and rotate its secret in{" "}
            <Link href={`/p/${partnerSlug}/settings`} className="underline">
              Settings
            </Link>
            .
          </>
        ) : (
          "Ask an admin to check the webhook in Settings."
        )}
      </AlertDescription>
    </Alert>
  );
}
