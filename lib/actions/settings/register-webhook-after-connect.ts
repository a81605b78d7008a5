import "server-only";
import { getDb } from "@/db";
import { registerWebhook } from "@/lib/services/webhooks";
import { WallexError } from "@/lib/wallex/client/errors";
import type { StaffActionContext } from "../define-action";

/**
 * After the connection changed, points Wallex's webhook at us with a fresh secret. The change
 * stands even when Wallex cannot be reached: the answer says so, and the Webhook card can retry.
 */
export async function registerWebhookAfterConnect({ scope, audit, log }: StaffActionContext, unreachable: string) {
  try {
    const webhook = await registerWebhook(getDb(), scope);
    audit({
      action: "settings.webhook_registered",
      target: { type: "wallex_connection", id: scope.partnerId },
      after: { url: webhook.url },
    });
    return { webhookError: null };
  } catch (error) {
    log.warn({ err: error }, "webhook registration after a connection change failed");
    return { webhookError: error instanceof WallexError ? error.userMessage : unreachable };
  }
}
