"use server";

import { revalidatePath } from "next/cache";
import { saveWallexConnection } from "@/lib/services/settings";
import { wallexConnectionSchema } from "@/lib/validations/settings";
import { defineStaffAction } from "../define-action";
import { registerWebhookAfterConnect } from "./register-webhook-after-connect";

/** Saves the connection, then points Wallex's webhook at us (the save stands if Wallex cannot be reached). */
export const saveWallexConnectionAction = defineStaffAction(
  {
    name: "settings.wallex_connection_saved",
    schema: wallexConnectionSchema,
    permission: "settings.manage",
    transaction: false,
  },
  async (input, context) => {
    const { db, scope, audit } = context;
    const change = await saveWallexConnection(db, scope, input);
    audit({ target: { type: "wallex_connection", id: scope.partnerId }, ...change });
    revalidatePath(`/p/${scope.partnerSlug}/settings`);
    return registerWebhookAfterConnect(context, "Wallex could not be reached.");
  },
);
