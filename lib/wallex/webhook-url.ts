import { env } from "@/lib/env";

/**
 * Where Wallex posts a partner's notifications. Its own small module: the Settings page shows it,
 * and importing it must not bring in the client or the sandbox.
 */
export function webhookUrlFor(partnerId: string) {
  return new URL(`/api/webhooks/wallex/${partnerId}`, env().APP_URL).toString();
}
