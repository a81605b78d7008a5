"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { connectToEmbeddedSandbox } from "@/lib/services/embedded-sandbox-connection";
import { registerWebhook } from "@/lib/services/webhooks";
import { WallexError } from "@/lib/wallex/client/errors";
import { defineStaffAction } from "../define-action";

/** "Use the embedded sandbox": a sandbox identity of the partner's own (new keys every time), then the webhook. */
export const connectEmbeddedSandboxAction = defineStaffAction(
  { name: "settings.embedded_sandbox_connected", schema: z.object({}), permission: "settings.manage", transaction: false },
  async (_input, { db, scope, audit, log }) => {
    const after = await connectToEmbeddedSandbox(db, { id: scope.partnerId, name: scope.partnerName });
    audit({ target: { type: "wallex_connection", id: scope.partnerId }, after });
    revalidatePath(`/p/${scope.partnerSlug}/settings`);
    try {
      const webhook = await registerWebhook(getDb(), scope);
      audit({ action: "settings.webhook_registered", target: { type: "wallex_connection", id: scope.partnerId }, after: { url: webhook.url } });
      return { webhookError: null };
    } catch (error) {
      log.warn({ err: error }, "webhook registration after connecting the embedded sandbox failed");
      return { webhookError: error instanceof WallexError ? error.userMessage : "The sandbox could not be reached." };
    }
  },
);
