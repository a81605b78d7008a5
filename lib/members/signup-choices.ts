import type { MemberAccountType, MemberLocale, MemberSignupKind } from "@/db/schema";

/*
 * The member signups and languages as forms name them. No zod here: client forms import these,
 * and zod in the browser probes eval at start (a CSP report on every page that loads it).
 */

/** The signups a partner may have Wallex enable (users.md §5), as the settings page names them. */
export const SIGNUP_KINDS = ["full", "lite_company", "lite_individual"] as const satisfies readonly MemberSignupKind[];
export const signupKindLabels: Record<MemberSignupKind, string> = {
  full: "Full signup (individual or company)",
  lite_company: "Lite company signup",
  lite_individual: "Lite individual signup",
};

/** What the new-member form offers: the full signup splits by account type. */
export const SIGNUP_CHOICES = ["full_individual", "full_company", "lite_company", "lite_individual"] as const;
export type SignupChoice = (typeof SIGNUP_CHOICES)[number];
export const signupChoices: Record<
  SignupChoice,
  { kind: MemberSignupKind; accountType: MemberAccountType; label: string; hint: string }
> = {
  full_individual: {
    kind: "full",
    accountType: "individual",
    label: "Individual",
    hint: "Full KYC for a person.",
  },
  full_company: { kind: "full", accountType: "company", label: "Company", hint: "Full KYB for a business." },
  lite_company: {
    kind: "lite_company",
    accountType: "company",
    label: "Lite company",
    hint: "Lite tier: collections and payouts to the partner only; about one business day to approve.",
  },
  lite_individual: {
    kind: "lite_individual",
    accountType: "individual",
    label: "Lite individual",
    hint: "Lite tier for a person; about one business day to approve.",
  },
};

export const MEMBER_LOCALES = ["en", "id"] as const satisfies readonly MemberLocale[];
export const memberLocaleLabels: Record<MemberLocale, string> = { en: "English", id: "Bahasa Indonesia" };
