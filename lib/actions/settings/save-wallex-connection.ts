"use server";

import { revalidatePath } from "next/cache";
import { saveWallexConnection } from "@/lib/services/settings";
import { wallexConnectionSchema } from "@/lib/validations/settings";
import { defineStaffAction } from "../define-action";

export const saveWallexConnectionAction = defineStaffAction(
  { name: "settings.wallex_connection_saved", schema: wallexConnectionSchema, permission: "settings.manage" },
  async (input, { db, scope, audit }) => {
    const change = await saveWallexConnection(db, scope, input);
    audit({ target: { type: "wallex_connection", id: scope.partnerId }, ...change });
    revalidatePath(`/p/${scope.partnerSlug}/settings`);
  },
);
