"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { logger } from "@/lib/logger";
import { userText } from "@/lib/validations/text";
import { invalid, toPlainObject, type ActionResult } from "../define-action";
import { memberFailure } from "./define-member-action";

export type MemberSignInResult = ActionResult<never> & { needsCode?: boolean };

/** Sign-in at a partner's member portal: email + password (+ authenticator code), as staff's. */
export async function signInMemberAction(
  _prev: MemberSignInResult | undefined,
  formData: FormData,
): Promise<MemberSignInResult> {
  const t = await getTranslations("signIn");
  const data = toPlainObject(formData);
  const schema = z.object({
    partnerSlug: userText.min(1).max(100),
    email: userText
      .trim()
      .toLowerCase()
      .pipe(z.email(t("emailInvalid")))
      .pipe(z.string().max(254)),
    password: userText.min(1, t("passwordMissing")).max(200),
    code: userText.trim().max(20).optional(),
  });
  const parsed = schema.safeParse(data);
  if (!parsed.success) return invalid(parsed.error, data);
  const { partnerSlug, email, password, code } = parsed.data;
  const values = { email };
  try {
    await signIn("member", { partnerSlug, email, password, code: code ?? "", redirectTo: `/m/${partnerSlug}` });
    return { ok: false, formError: t("invalid") };
  } catch (error) {
    if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") {
      return memberFailure(error, logger.child({ action: "member.sign_in" }), await getTranslations());
    }
    const reason = (error as AuthError & { code?: string }).code ?? "invalid";
    if (reason === "code_required") return { ok: false, needsCode: true, values };
    if (reason === "code_invalid")
      return { ok: false, needsCode: true, values, fieldErrors: { code: [t("codeInvalid")] } };
    if (reason.startsWith("locked:")) {
      return { ok: false, values, formError: t("locked", { minutes: Number(reason.split(":")[1]) || 15 }) };
    }
    return { ok: false, values, formError: t("invalid") };
  }
}
