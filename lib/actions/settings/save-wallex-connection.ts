"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { saveWallexConnection } from "@/lib/services/settings";
import { registerWebhook } from "@/lib/services/webhooks";
import { wallexConnectionSchema } from "@/lib/validations/settings";
import { WallexError } from "@/lib/wallex/client/errors";
import { defineStaffAction } from "../define-action";

/**
 * Saves the connection, then points Wallex's webhook at us with a fresh secret. The save stands
 * even when Wallex cannot be reached: the answer says so, and the Webhook card can retry.
 */
export const saveWallexConnectionAction = defineStaffAction(
  { name: "settings.wallex_connection_saved", schema: wallexConnectionSchema, permission: "settings.manage", transaction: false },
  async (input, { db, scope, audit, log }) => {
    const change = await saveWallexConnection(db, scope, input);
    audit({ target: { type: "wallex_connection", id: scope.partnerId }, ...change });
    revalidatePath(`/p/${scope.partnerSlug}/settings`);
    try {
      const webhook = await registerWebhook(getDb(), scope);
      audit({ action: "settings.webhook_registered", target: { type: "wallex_connection", id: scope.partnerId }, after: { url: webhook.url } });
      return { webhookError: null };
    } catch (error) {
      log.warn({ err: error }, "webhook registration after save failed");
      return { webhookError: error instanceof WallexError ? error.userMessage : "Wallex could not be reached." };
    }
  },
);
