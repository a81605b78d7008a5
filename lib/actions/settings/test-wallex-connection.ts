"use server";

import { z } from "zod";
import { testWallexConnection } from "@/lib/services/wallex-connection/test-connection";
import { defineStaffAction } from "../define-action";

/** Authenticate + one harmless read, with the stored credentials. Audited like any other action. */
export const testWallexConnectionAction = defineStaffAction(
  {
    name: "settings.wallex_connection_tested",
    schema: z.object({}),
    permission: "settings.manage",
    transaction: false,
  },
  async (_input, { db, scope, audit }) => {
    const result = await testWallexConnection(db, scope);
    audit({ target: { type: "wallex_connection", id: scope.partnerId }, after: result });
    return result;
  },
);
