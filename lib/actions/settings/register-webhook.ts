"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { registerWebhook } from "@/lib/services/webhooks";
import { defineStaffAction } from "../define-action";

/** Registers our webhook URL with a new secret header at Wallex: the first registration and every rotation. */
export const registerWebhookAction = defineStaffAction(
  { name: "settings.webhook_registered", schema: z.object({}), permission: "settings.manage", transaction: false },
  async (_input, { scope, audit }) => {
    const result = await registerWebhook(getDb(), scope);
    audit({ target: { type: "wallex_connection", id: scope.partnerId }, after: { url: result.url } });
    revalidatePath(`/p/${scope.partnerSlug}/settings`);
    return result;
  },
);
