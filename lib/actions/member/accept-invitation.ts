"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { signIn } from "@/lib/auth";
import { memberSignInPath } from "@/lib/auth/member-session";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getRequestMeta } from "@/lib/request-context";
import { acceptMemberInvitation } from "@/lib/services/accept-member-invitation";
import { userText } from "@/lib/validations/text";
import { invalid, toPlainObject, type ActionResult } from "../define-action";
import { memberFailure } from "./define-member-action";

/** The invited member chooses a password (same rules as staff), spends the link and is signed in. */
export async function acceptMemberInvitationAction(
  _prev: ActionResult | undefined,
  formData: FormData,
): Promise<ActionResult> {
  const t = await getTranslations("invite");
  const data = toPlainObject(formData);
  const schema = z
    .object({
      partnerSlug: userText.min(1).max(100),
      token: userText.min(1).max(200),
      password: userText.min(12, t("tooShort")).max(200, t("tooLong")),
      confirmPassword: userText,
    })
    .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: t("mismatch") });
  const parsed = schema.safeParse(data);
  if (!parsed.success) return invalid(parsed.error, data);
  const { partnerSlug, token, password } = parsed.data;
  let email: string;
  try {
    const accepted = await acceptMemberInvitation(getDb(), { partnerSlug, token, password }, await getRequestMeta());
    email = accepted.member.email;
  } catch (error) {
    const log = logger.child({ action: "member.invitation_accepted" });
    if (error instanceof AppError && error.code === "CONFLICT") return { ok: false, formError: t("spent") };
    return memberFailure(error, log, await getTranslations());
  }
  try {
    await signIn("member", { partnerSlug, email, password, redirectTo: `/m/${partnerSlug}` });
  } catch (error) {
    unstable_rethrow(error);
    // The password is set; should signing in be refused now (a lock on this address), sign in later.
    if (error instanceof AuthError) redirect(memberSignInPath(partnerSlug));
    throw error;
  }
  return { ok: true, data: undefined };
}
