"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { registerWebhook } from "@/lib/services/wallex-connection/webhook";
import { defineStaffAction } from "../define-action";

/** Registers our webhook URL with a new secret header at Wallex: the first registration and every rotation. */
export const registerWebhookAction = defineStaffAction(
  { name: "settings.webhook_registered", schema: z.object({}), permission: "settings.manage", transaction: false },
  async (_input, { db, scope, audited }) => {
    const result = await registerWebhook(db, scope, audited);
    revalidatePath(`/p/${scope.partnerSlug}/settings`);
    return result;
  },
);
