"use server";

import { revalidatePath } from "next/cache";
import { resolveSessionHandle } from "@/lib/auth/session-handles";
import { listLiveSessions, revokeSessionOfUser } from "@/lib/data/sessions";
import { AppError } from "@/lib/errors";
import { sessionHandleSchema } from "@/lib/validations/auth";
import { defineUserAction } from "../define-user-action";

const GONE = "That device is already signed out, or this list is out of date. Reload the page and try again.";

/** Signs one other device out, named by its handle in the list the person was shown. */
export const signOutSessionAction = defineUserAction(
  { name: "auth.session_signed_out", schema: sessionHandleSchema },
  async (input, { db, user }) => {
    const live = await listLiveSessions(db, user.id);
    const sessionId = resolveSessionHandle(
      user.id,
      input,
      live.map((s) => s.id),
    );
    if (!sessionId) throw new AppError("NOT_FOUND", { userMessage: GONE });
    if (sessionId === user.sessionId) {
      throw new AppError("CONFLICT", { userMessage: "That is this device: use Sign out in the menu instead." });
    }
    if (!(await revokeSessionOfUser(db, user.id, sessionId))) throw new AppError("NOT_FOUND", { userMessage: GONE });
    revalidatePath("/account/security");
  },
);
