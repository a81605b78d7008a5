"use server";

import { getDb } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import { signOut } from "@/lib/auth";
import { getCurrentMemberScope, memberSignInPath } from "@/lib/auth/member-session";
import { revokeOwnMemberSession } from "@/lib/data/member-sessions";
import { getRequestMeta } from "@/lib/request-context";

/** Ends this member session (the row first, so the cookie is dead even if it lingers) and the cookie. */
export async function signOutMemberAction() {
  const scope = await getCurrentMemberScope();
  if (!scope) return signOut({ redirectTo: "/" });
  const meta = await getRequestMeta();
  await getDb().transaction(async (tx) => {
    await revokeOwnMemberSession(tx, scope);
    await recordAudit(tx, scope, {
      action: "member.signed_out",
      actor: { userId: null, email: scope.member.email },
      target: { type: "member", id: scope.memberId },
      requestId: meta.requestId,
      ip: meta.ip,
    });
  });
  await signOut({ redirectTo: `${memberSignInPath(scope.partnerSlug)}?signedOut=1` });
}
