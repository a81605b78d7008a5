"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { defineUserAction } from "../define-user-action";
import { replaceRecoveryCodes } from "@/lib/data/recovery-codes";

export const regenerateRecoveryCodesAction = defineUserAction(
  { name: "auth.recovery_codes_regenerated", schema: z.object({}) },
  async (_input, { db, user }) => {
    if (!user.hasTwoFactor) throw new AppError("CONFLICT", { userMessage: "Turn on two-factor authentication first." });
    return { recoveryCodes: await replaceRecoveryCodes(db, user.id) };
  },
);
