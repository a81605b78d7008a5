import { z } from "zod";
import { userText } from "./text";

export const email = userText
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address."))
  .pipe(z.string().max(254));

export const newPassword = userText.min(12, "Use at least 12 characters.").max(200, "Use at most 200 characters.");

export const signInSchema = z.object({
  email,
  password: userText.min(1, "Enter your password.").max(200),
  code: userText.trim().max(20).optional(),
  // A hidden field: a malformed one is dropped, and the person lands on the home page.
  callbackUrl: userText.max(2000).optional().catch(undefined),
});

export const totpCodeSchema = z.object({
  code: userText.trim().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."),
});

/** One device in the security page's list: the view it was rendered in and its handle there. */
export const sessionHandleSchema = z.object({
  view: z.string().trim().min(1).max(64),
  handle: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{43}$/, "That device could not be found."),
});
