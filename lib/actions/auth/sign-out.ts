"use server";

import { getDb } from "@/db";
import { recordAuditForUser } from "@/lib/audit/record-for-user";
import { signOut } from "@/lib/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { revokeAllSessions, revokeSession } from "@/lib/data/sessions";
import { getRequestMeta } from "@/lib/request-context";

export async function signOutAction() {
  const user = await getCurrentUser();
  if (user) {
    await revokeSession(getDb(), user.sessionId);
    await recordAuditForUser(getDb(), user, await getRequestMeta(), { action: "auth.signed_out" });
  }
  await signOut({ redirectTo: "/sign-in" });
}

/** Revokes every session of the person, this one included: other devices are out on their next request. */
export async function signOutEverywhereAction() {
  const user = await getCurrentUser();
  if (user) {
    const db = getDb();
    await db.transaction(async (tx) => {
      const count = await revokeAllSessions(tx, user.id);
      await recordAuditForUser(tx, user, await getRequestMeta(), {
        action: "auth.signed_out_everywhere",
        after: { sessionsRevoked: count },
      });
    });
  }
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
}
