import { z } from "zod";
import { MEMBER_LOCALES, SIGNUP_CHOICES, SIGNUP_KINDS, signupChoices } from "@/lib/members/signup-choices";
import { ageOn, parseIsoDate } from "@/lib/validations/onboarding";
import { isCountry } from "@/lib/countries";
import { email } from "@/lib/validations/auth";
import { userText } from "@/lib/validations/text";

const name = (what: string) => userText.trim().min(1, `Enter the ${what}.`).max(100, "Use at most 100 characters.");
const optional = (max: number) =>
  userText
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v || undefined);
const country = (message: string) => userText.trim().refine(isCountry, message);
const optionalCountry = userText
  .trim()
  .optional()
  .refine((v) => !v || isCountry(v), "Choose a country from the list.")
  .transform((v) => v || undefined);

export const newMemberSchema = z
  .object({
    idempotencyKey: z.uuid("Reload the page and try again."),
    signup: z.enum(SIGNUP_CHOICES, { error: "Choose the kind of signup." }),
    email,
    firstName: name("first name"),
    lastName: name("last name"),
    companyName: optional(100),
    countryCode: country("Choose the member's country."),
    locale: z.enum(MEMBER_LOCALES, { error: "Choose the member's language." }),
    registrationNumber: optional(50),
    countryOfIncorporation: optionalCountry,
    nationality: optionalCountry,
    mobileCountryCode: optional(5).refine(
      (v) => !v || /^\+?\d{1,4}$/.test(v),
      "Enter a dialling code such as 65 or +62.",
    ),
    mobileNumber: optional(20).refine((v) => !v || /^\d{4,15}$/.test(v), "Enter 4 to 15 digits."),
    // ISO from the date input; the client puts Wallex's dd-MM-yyyy on the wire.
    dateOfBirth: optional(10).superRefine((v, ctx) => {
      if (!v) return;
      const birth = parseIsoDate(v);
      if (!birth) ctx.addIssue({ code: "custom", message: "Enter a real date." });
      else if (ageOn(birth, new Date()) < 18)
        ctx.addIssue({ code: "custom", message: "The member must be 18 or older." });
      else if (ageOn(birth, new Date()) > 120) ctx.addIssue({ code: "custom", message: "Check the year." });
    }),
  })
  .superRefine((input, ctx) => {
    if (signupChoices[input.signup].accountType === "company" && !input.companyName) {
      ctx.addIssue({ code: "custom", path: ["companyName"], message: "Enter the company's name." });
    }
  });
export type NewMemberInput = z.output<typeof newMemberSchema>;

const checkbox = z
  .literal("on", { error: "Tick the box or leave it empty." })
  .optional()
  .transform((v) => v === "on");

/**
 * Settings → Member onboarding. A ticked checkbox posts "on", an empty one nothing; each signup
 * kind has its own box (`signup_full`, …), since a form posts one value per name here.
 */
export const memberOnboardingSchema = z
  .object({
    memberReviewRequired: checkbox,
    signup_full: checkbox,
    signup_lite_company: checkbox,
    signup_lite_individual: checkbox,
  })
  .transform((input) => ({
    memberReviewRequired: input.memberReviewRequired,
    memberSignupKinds: SIGNUP_KINDS.filter((kind) => input[`signup_${kind}`]),
  }))
  .refine((settings) => settings.memberSignupKinds.length > 0, {
    path: ["memberSignupKinds"],
    message: "Enable at least one signup, as Wallex enabled it for you.",
  });
export type MemberOnboardingInput = z.output<typeof memberOnboardingSchema>;

const id = z.uuid("Unknown item.");
export const memberIdSchema = z.object({ memberId: id });
export const memberInvitationIdSchema = z.object({ memberId: id, invitationId: id });
