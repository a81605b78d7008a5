"use server";

import { revalidatePath } from "next/cache";
import { saveWallexConnection } from "@/lib/services/wallex-connection/save";
import { wallexConnectionSchema } from "@/lib/validations/settings";
import { defineStaffAction } from "../define-action";

/** Saves the connection and points Wallex's webhook at us (the save stands if Wallex cannot be reached). */
export const saveWallexConnectionAction = defineStaffAction(
  {
    name: "settings.wallex_connection_saved",
    schema: wallexConnectionSchema,
    permission: "settings.manage",
    transaction: false,
  },
  async (input, { db, scope, audited }) => {
    const outcome = await saveWallexConnection(db, scope, input, audited);
    revalidatePath(`/p/${scope.partnerSlug}/settings`);
    return outcome;
  },
);
