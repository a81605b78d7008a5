"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { connectToEmbeddedSandbox } from "@/lib/services/embedded-sandbox-connection";
import { defineStaffAction } from "../define-action";
import { registerWebhookAfterConnect } from "./register-webhook-after-connect";

/** "Use the embedded sandbox": a sandbox identity of the partner's own (new keys every time), then the webhook. */
export const connectEmbeddedSandboxAction = defineStaffAction(
  {
    name: "settings.embedded_sandbox_connected",
    schema: z.object({}),
    permission: "settings.manage",
    transaction: false,
  },
  async (_input, context) => {
    const { db, scope, audit } = context;
    const after = await connectToEmbeddedSandbox(db, { id: scope.partnerId, name: scope.partnerName });
    audit({ target: { type: "wallex_connection", id: scope.partnerId }, after });
    revalidatePath(`/p/${scope.partnerSlug}/settings`);
    return registerWebhookAfterConnect(context, "The sandbox could not be reached.");
  },
);
