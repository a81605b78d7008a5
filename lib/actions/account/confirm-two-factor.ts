"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { users } from "@/db/schema";
import { checkTotp } from "@/lib/auth/totp";
import { replaceRecoveryCodes } from "@/lib/data/recovery-codes";
import { decryptSecret } from "@/lib/crypto";
import { getUserById } from "@/lib/data/users";
import { AppError, fieldError } from "@/lib/errors";
import { totpCodeSchema } from "@/lib/validations/auth";
import { defineUserAction } from "../define-user-action";

/** Turns 2FA on once a code from the new secret checks out; returns recovery codes, shown once. */
export const confirmTwoFactorAction = defineUserAction(
  { name: "auth.two_factor_enabled", schema: totpCodeSchema },
  async ({ code }, { db, user }) => {
    const row = await getUserById(db, user.id);
    if (!row?.pendingTotpSecret) {
      throw new AppError("CONFLICT", { userMessage: "Start the set-up again: no pending authenticator was found." });
    }
    const secret = decryptSecret(row.pendingTotpSecret);
    const step = await checkTotp(secret, code, null);
    if (step === null)
      throw fieldError("code", "That code does not match. Check the time on your phone and try the current code.");
    await db
      .update(users)
      .set({ totpSecret: row.pendingTotpSecret, pendingTotpSecret: null, totpLastStep: step })
      .where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(db, user.id);
    revalidatePath("/account/security");
    return { recoveryCodes: codes };
  },
);
