"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { logger } from "@/lib/logger";
import { signInSchema } from "@/lib/validations/auth";
import { failure, invalid, toPlainObject, type ActionResult } from "../define-action";

export type SignInResult = ActionResult<never> & { needsCode?: boolean };

export async function signInAction(_prev: SignInResult | undefined, formData: FormData): Promise<SignInResult> {
  const data = toPlainObject(formData);
  const parsed = signInSchema.safeParse(data);
  if (!parsed.success) return invalid(parsed.error, data);
  const { email, password, code, callbackUrl } = parsed.data;
  const values = { email, callbackUrl: callbackUrl ?? "" };
  try {
    await signIn("credentials", { email, password, code: code ?? "", redirectTo: safeRedirectPath(callbackUrl) });
    return { ok: false, formError: "Sign-in did not complete." };
  } catch (error) {
    if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") {
      return failure(error, logger.child({ action: "auth.sign_in" }), data);
    }
    const reason = (error as AuthError & { code?: string }).code ?? "invalid";
    if (reason === "code_required") return { ok: false, needsCode: true, values };
    if (reason === "code_invalid") {
      return {
        ok: false,
        needsCode: true,
        values,
        fieldErrors: { code: ["That code is not valid. Try the current one."] },
      };
    }
    if (reason.startsWith("locked:")) {
      const minutes = reason.split(":")[1];
      return {
        ok: false,
        values,
        formError: `Too many failed attempts. Try again in ${minutes} minute${minutes === "1" ? "" : "s"}.`,
      };
    }
    return { ok: false, values, formError: "Email or password is incorrect." };
  }
}
