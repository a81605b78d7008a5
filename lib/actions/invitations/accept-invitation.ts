"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { signIn } from "@/lib/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { getRequestMeta } from "@/lib/request-context";
import { acceptInvitation } from "@/lib/services/accept-invitation";
import { newPassword } from "@/lib/validations/auth";
import { userText } from "@/lib/validations/text";
import { failure, invalid, toPlainObject, type ActionResult } from "../define-action";

const newAccountSchema = z
  .object({
    token: userText.min(1).max(200),
    name: userText.trim().min(1, "Enter your name.").max(120, "Use at most 120 characters."),
    password: newPassword,
    confirmPassword: userText,
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

const existingAccountSchema = z.object({ token: userText.min(1).max(200) });

/** A new person sets a name and password, joins and is signed in. */
export async function acceptInvitationWithNewAccountAction(
  _prev: ActionResult | undefined,
  formData: FormData,
): Promise<ActionResult> {
  const data = toPlainObject(formData);
  const parsed = newAccountSchema.safeParse(data);
  if (!parsed.success) return invalid(parsed.error, data);
  const { token, name, password } = parsed.data;
  let joined: Awaited<ReturnType<typeof acceptInvitation>>;
  try {
    joined = await acceptInvitation(getDb(), token, { kind: "new", name, password }, await getRequestMeta());
  } catch (error) {
    return failure(error, logger.child({ action: "team.invitation_accepted" }), data);
  }
  await signIn("credentials", { email: joined.email, password, redirectTo: `/p/${joined.partner.slug}` });
  return { ok: true, data: undefined };
}

/** Someone already signed in as the invited email joins with one click. */
export async function acceptInvitationAsCurrentUserAction(
  _prev: ActionResult | undefined,
  formData: FormData,
): Promise<ActionResult> {
  const data = toPlainObject(formData);
  const parsed = existingAccountSchema.safeParse(data);
  if (!parsed.success) return invalid(parsed.error, data);
  let slug: string;
  try {
    const user = await getCurrentUser();
    if (!user) return { ok: false, formError: "Sign in first." };
    const joined = await acceptInvitation(
      getDb(),
      parsed.data.token,
      { kind: "existing", userId: user.id },
      await getRequestMeta(),
    );
    slug = joined.partner.slug;
  } catch (error) {
    return failure(error, logger.child({ action: "team.invitation_accepted" }), data);
  }
  redirect(`/p/${slug}`);
}
