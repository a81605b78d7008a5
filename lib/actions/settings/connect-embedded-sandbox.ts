"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { connectEmbeddedSandbox } from "@/lib/services/wallex-connection/save";
import { defineStaffAction } from "../define-action";

/** "Use the embedded sandbox": a sandbox identity of the partner's own (new keys every time), and its webhook. */
export const connectEmbeddedSandboxAction = defineStaffAction(
  {
    name: "settings.embedded_sandbox_connected",
    schema: z.object({}),
    permission: "settings.manage",
    transaction: false,
  },
  async (_input, { db, scope, audited }) => {
    const outcome = await connectEmbeddedSandbox(db, scope, scope.partnerName, audited);
    revalidatePath(`/p/${scope.partnerSlug}/settings`);
    return outcome;
  },
);
