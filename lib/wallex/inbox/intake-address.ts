import { env } from "@/lib/env";

/** Wallex signs nothing: authenticity is this custom header, registered with Update Webhook. */
export const WEBHOOK_SECRET_HEADER = "x-partner-desk-secret";

/** Where Wallex delivers the partner's notifications (app/api/webhooks/wallex/[partnerId]). */
export function webhookUrlFor(partnerId: string) {
  return new URL(`/api/webhooks/wallex/${partnerId}`, env().APP_URL).toString();
}
