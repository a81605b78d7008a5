"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { users } from "@/db/schema";
import { newTotpSecret } from "@/lib/auth/totp";
import { encryptSecret } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { defineUserAction } from "../define-user-action";

export const startTwoFactorAction = defineUserAction(
  { name: "auth.two_factor_setup_started", schema: z.object({}) },
  async (_input, { db, user }) => {
    if (user.hasTwoFactor) {
      throw new AppError("CONFLICT", { userMessage: "Two-factor authentication is already on." });
    }
    await db
      .update(users)
      .set({ pendingTotpSecret: encryptSecret(newTotpSecret()) })
      .where(eq(users.id, user.id));
    revalidatePath("/account/security");
  },
);
