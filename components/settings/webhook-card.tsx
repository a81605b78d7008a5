import { ActionButton } from "@/components/forms/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { registerWebhookAction } from "@/lib/actions/settings/register-webhook";
import { formatDateTime } from "@/lib/format";

type Props = { partnerSlug: string; url: string; registeredAt: Date | null };

/** Wallex has one webhook subscription per partner; ours carries a secret header that we rotate here. */
export function WebhookCard({ partnerSlug, url, registeredAt }: Props) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Webhook
          {registeredAt ? <Badge variant="success">Registered</Badge> : <Badge variant="warning">Not registered</Badge>}
        </CardTitle>
        <CardDescription>
          Wallex sends every status change to this address with a secret header that only Wallex and Partner Desk know.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap items-center justify-between gap-4">
        <div className="min-w-0 text-sm">
          <code className="break-all rounded bg-muted px-1.5 py-0.5 text-xs">{url}</code>
          <p className="mt-1 text-muted-foreground">
            {registeredAt
              ? `Secret set ${formatDateTime(registeredAt)}.`
              : "Register it so Wallex starts sending notifications."}
          </p>
        </div>
        <ActionButton
          action={registerWebhookAction}
          fields={{ partnerSlug }}
          success={registeredAt ? "Webhook secret rotated." : "Webhook registered with Wallex."}
          variant="outline"
        >
          {registeredAt ? "Rotate secret" : "Register webhook"}
        </ActionButton>
      </CardContent>
    </Card>
  );
}
