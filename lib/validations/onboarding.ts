import { z } from "zod";
import {
  EMPLOYMENT_INDUSTRIES,
  EMPLOYMENT_POSITIONS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  IDENTIFICATION_TYPES,
} from "@/lib/wallex/client/kyc-lists";

/**
 * The onboarding wizard's input, checked on our side before anything is kept or sent to Wallex.
 * Every step may be saved half-filled (a draft): a field left empty is simply absent, a field
 * filled in must be right. What approval still needs is worked out apart (lib/services/onboarding/steps.ts).
 *
 * Messages are keys of the `onboarding.errors` messages (lib/i18n/messages/onboarding.*.json), so the
 * form shows them in the member's language. Values are our field names (lib/wallex/client/kyc-wire.ts)
 * with ISO `YYYY-MM-DD` dates; kyc-wire maps them to the wire.
 */

/** The wizard steps with a form of their own (documents is its own page). */
export const FORM_STEPS = ["personal", "company", "due_diligence"] as const;
export type FormStep = (typeof FORM_STEPS)[number];

/** The lists Wallex serves (lib/services/reference-lists.ts), as the keys a value must be one of. */
export type OnboardingLists = {
  countries: readonly string[];
  businessTypes: readonly string[];
  entityTypes: readonly string[];
  productsUsage: readonly string[];
};

export type OnboardingContext = {
  lists: OnboardingLists;
  /** Today, UTC (injectable so tests do not depend on the clock). */
  today?: Date;
};

export const ERROR_KEYS = [
  "required",
  "realDate",
  "underAge",
  "tooOld",
  "futureDate",
  "issueBeforeBirth",
  "expired",
  "email",
  "phoneCode",
  "phoneNumber",
  "phoneCodeNeeded",
  "postalSG",
  "postalID",
  "postal",
  "country",
  "choice",
  "tooLong",
] as const;
export type OnboardingErrorKey = (typeof ERROR_KEYS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` string naming a day that exists (no 31 April, no 29 February 2023), as a UTC date. */
export function parseIsoDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  if (y < 1800) return null;
  return date;
}

/** Whole years between `birth` and `on` (a birthday counts from its day). */
export function ageOn(birth: Date, on: Date): number {
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birth.getUTCMonth() ||
    (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** Empty strings (an untouched input) are "not given". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const text = (max = 200) =>
  opt(
    z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().max(max, "tooLong")),
  );

const isoDate = opt(
  z
    .string()
    .trim()
    .refine((s) => parseIsoDate(s) !== null, "realDate"),
);

/** ISO 3166-1 alpha-2, and one Wallex lists when we have its list. */
const country = (ctx: OnboardingContext) =>
  opt(
    z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(
        z
          .string()
          .regex(/^[A-Z]{2}$/, "country")
          .refine((c) => ctx.lists.countries.length === 0 || ctx.lists.countries.includes(c), "country"),
      ),
  );

const oneOf = (values: readonly string[]) =>
  opt(
    z
      .string()
      .trim()
      .refine((v) => values.includes(v), "choice"),
  );

/** An email address (kept simple: one @, a dot in the domain, no spaces). */
export const emailSchema = z
  .string()
  .trim()
  .max(254, "email")
  .regex(/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/, "email");

/** Country dialling code: 1–3 digits, a leading + allowed and dropped ("+62" → "62"). */
export const phoneCodeSchema = z
  .string()
  .trim()
  .regex(/^\+?[1-9]\d{0,2}$/, "phoneCode")
  .transform((s) => s.replace(/^\+/, ""));

/** The number without its country code: 6–14 digits; spaces and dashes as typed are dropped. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6,14}$/, "phoneNumber"));

/** Postal codes by country: Singapore 6 digits, Indonesia 5 digits, elsewhere 3–10 letters or digits. */
export function postalCodeProblem(postalCode: string, countryCode: string | undefined): OnboardingErrorKey | null {
  const code = postalCode.trim().toUpperCase();
  if (countryCode === "SG") return /^\d{6}$/.test(code) ? null : "postalSG";
  if (countryCode === "ID") return /^\d{5}$/.test(code) ? null : "postalID";
  const alnum = code.replace(/[\s-]/g, "");
  return /^[A-Z0-9]{3,10}$/.test(alnum) && /^[A-Z0-9][A-Z0-9 -]*$/.test(code) ? null : "postal";
}

type Issue = (path: string, message: OnboardingErrorKey) => void;
const issuer =
  (ctx: z.RefinementCtx): Issue =>
  (path, message) =>
    ctx.addIssue({ code: "custom", path: [path], message });

/** Personal details (Wallex's User Detail section). */
export function personalSchema(ctx: OnboardingContext) {
  const today = startOfDay(ctx.today ?? new Date());
  return z
    .object({
      phoneCountryCode: opt(phoneCodeSchema),
      phoneNumber: opt(phoneNumberSchema),
      gender: oneOf(GENDERS),
      birthDate: isoDate,
      birthCountry: country(ctx),
      nationality: country(ctx),
      residenceCountry: country(ctx),
      address: text(300),
      city: text(100),
      postalCode: text(20),
      idType: oneOf(IDENTIFICATION_TYPES),
      idNumber: text(50),
      idIssueDate: isoDate,
      idExpiryDate: isoDate,
      employmentStatus: oneOf(EMPLOYMENT_STATUSES),
      employmentPosition: oneOf(EMPLOYMENT_POSITIONS),
      employmentIndustry: oneOf(EMPLOYMENT_INDUSTRIES),
    })
    .superRefine((v, rctx) => {
      const issue = issuer(rctx);
      const birth = v.birthDate ? parseIsoDate(v.birthDate) : null;
      if (birth) {
        if (birth > today) issue("birthDate", "futureDate");
        else {
          const age = ageOn(birth, today);
          if (age < 18) issue("birthDate", "underAge");
          else if (age > 120) issue("birthDate", "tooOld");
        }
      }
      const issued = v.idIssueDate ? parseIsoDate(v.idIssueDate) : null;
      if (issued) {
        if (issued > today) issue("idIssueDate", "futureDate");
        else if (birth && issued < birth) issue("idIssueDate", "issueBeforeBirth");
      }
      const expiry = v.idExpiryDate ? parseIsoDate(v.idExpiryDate) : null;
      if (expiry && expiry <= today) issue("idExpiryDate", "expired");
      if (v.phoneNumber && !v.phoneCountryCode) issue("phoneCountryCode", "phoneCodeNeeded");
      if (v.postalCode) {
        const problem = postalCodeProblem(v.postalCode, v.residenceCountry);
        if (problem) issue("postalCode", problem);
      }
    });
}

/** Company details (Wallex's Company section), for company accounts. */
export function companySchema(ctx: OnboardingContext) {
  const today = startOfDay(ctx.today ?? new Date());
  return z
    .object({
      companyName: text(200),
      registrationNumber: text(50),
      incorporationCountry: country(ctx),
      operatingCountry: country(ctx),
      incorporationDate: isoDate,
      businessType: oneOf(ctx.lists.businessTypes),
      address: text(300),
      city: text(100),
      state: text(100),
      postalCode: text(20),
    })
    .superRefine((v, rctx) => {
      const issue = issuer(rctx);
      const incorporated = v.incorporationDate ? parseIsoDate(v.incorporationDate) : null;
      if (incorporated && incorporated > today) issue("incorporationDate", "futureDate");
      if (v.postalCode) {
        const problem = postalCodeProblem(v.postalCode, v.operatingCountry ?? v.incorporationCountry);
        if (problem) issue("postalCode", problem);
      }
    });
}

/** Customer due diligence: the entity type and products usage are keys of Wallex's listings. */
export function dueDiligenceSchema(ctx: OnboardingContext) {
  return z.object({
    entityType: oneOf(ctx.lists.entityTypes),
    productsUsage: z.preprocess(
      (v) => {
        const list = (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter(
          (x) => typeof x !== "string" || x.trim() !== "",
        );
        return list.length ? list : undefined;
      },
      z.array(z.string().refine((p) => ctx.lists.productsUsage.includes(p), "choice")).optional(),
    ),
    sourceOfFunds: text(200),
    purposeOfAccount: text(200),
    expectedMonthlyVolume: text(100),
    expectedTransactionCurrencies: text(100),
  });
}

export function stepSchema(step: FormStep, ctx: OnboardingContext) {
  if (step === "personal") return personalSchema(ctx);
  if (step === "company") return companySchema(ctx);
  return dueDiligenceSchema(ctx);
}

export type StepValues = Record<string, string | string[]>;

/** A step's input checked: its values (absent when empty) or the error keys per field. */
export function parseStep(
  step: FormStep,
  raw: Record<string, unknown>,
  ctx: OnboardingContext,
): { ok: true; values: StepValues } | { ok: false; fieldErrors: Record<string, string[]> } {
  const parsed = stepSchema(step, ctx).safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      const key = (ERROR_KEYS as readonly string[]).includes(issue.message) ? issue.message : "choice";
      const list = (fieldErrors[field] ??= []);
      if (!list.includes(key)) list.push(key);
    }
    return { ok: false, fieldErrors };
  }
  const values = Object.fromEntries(
    Object.entries(parsed.data as Record<string, unknown>).filter(([, v]) => v !== undefined),
  ) as StepValues;
  return { ok: true, values };
}
