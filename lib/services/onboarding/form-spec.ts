import "server-only";
import {
  EMPLOYMENT_INDUSTRIES,
  EMPLOYMENT_POSITIONS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  IDENTIFICATION_TYPES,
} from "@/lib/wallex/client/kyc-lists";
import { KYC_FIELDS } from "@/lib/wallex/client/kyc-wire";
import type { FormStep } from "@/lib/validations/onboarding";
import type { OnboardingChoices } from "./context";
import { SECTION_OF } from "./steps";

export type FieldOption = { value: string; label: string };
export type FieldSpec = {
  name: string;
  kind: "text" | "date" | "select" | "multi" | "textarea";
  options?: FieldOption[];
  /** Needed before Wallex approves (kyc-wire's `requiredForApproval`). */
  required: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "tel" | "text";
  /** A help line under the label (`onboarding.fields.<name>Help`). */
  help?: boolean;
};

type Translated = { gender: (v: string) => string; idType: (v: string) => string };

const verbatim = (values: readonly string[]): FieldOption[] => values.map((v) => ({ value: v, label: v }));
const items = (list: { key: string; label: string }[]): FieldOption[] =>
  list.map((i) => ({ value: i.key, label: i.label }));

/**
 * The fields of each form step, in the order the form shows them. Choices come from Wallex's
 * listings (countries, business types, entity types, products usage: cached per partner) and
 * kyc-lists.ts (employment, identity document types, genders); none is written in the UI.
 */
export function stepFields(step: FormStep, choices: OnboardingChoices, labels: Translated): FieldSpec[] {
  const required = new Set(KYC_FIELDS[SECTION_OF[step]].filter((f) => f.requiredForApproval).map((f) => f.field));
  const countries = items(choices.countries);
  const field = (name: string, kind: FieldSpec["kind"], extra: Partial<FieldSpec> = {}): FieldSpec => ({
    name,
    kind,
    required: required.has(name),
    ...extra,
  });
  if (step === "personal") {
    return [
      field("phoneCountryCode", "text", { inputMode: "tel", autoComplete: "tel-country-code", help: true }),
      field("phoneNumber", "text", { inputMode: "tel", autoComplete: "tel-national", help: true }),
      field("gender", "select", { options: GENDERS.map((g) => ({ value: g, label: labels.gender(g) })) }),
      field("birthDate", "date", { autoComplete: "bday" }),
      field("birthCountry", "select", { options: countries }),
      field("nationality", "select", { options: countries }),
      field("residenceCountry", "select", { options: countries }),
      field("address", "textarea", { autoComplete: "street-address" }),
      field("city", "text", { autoComplete: "address-level2" }),
      field("postalCode", "text", { autoComplete: "postal-code" }),
      field("idType", "select", { options: IDENTIFICATION_TYPES.map((v) => ({ value: v, label: labels.idType(v) })) }),
      field("idNumber", "text"),
      field("idIssueDate", "date"),
      field("idExpiryDate", "date"),
      field("employmentStatus", "select", { options: verbatim(EMPLOYMENT_STATUSES) }),
      field("employmentPosition", "select", { options: verbatim(EMPLOYMENT_POSITIONS) }),
      field("employmentIndustry", "select", { options: verbatim(EMPLOYMENT_INDUSTRIES) }),
    ];
  }
  if (step === "company") {
    return [
      field("companyName", "text", { autoComplete: "organization" }),
      field("registrationNumber", "text"),
      field("incorporationCountry", "select", { options: countries }),
      field("operatingCountry", "select", { options: countries }),
      field("incorporationDate", "date"),
      field("businessType", "select", { options: items(choices.businessTypes) }),
      field("address", "textarea", { autoComplete: "street-address" }),
      field("city", "text", { autoComplete: "address-level2" }),
      field("state", "text", { autoComplete: "address-level1" }),
      field("postalCode", "text", { autoComplete: "postal-code" }),
    ];
  }
  return [
    field("entityType", "select", { options: items(choices.entityTypes) }),
    field("productsUsage", "multi", { options: items(choices.productsUsage) }),
    field("sourceOfFunds", "text"),
    field("purposeOfAccount", "text"),
    field("expectedMonthlyVolume", "text"),
    field("expectedTransactionCurrencies", "text"),
  ];
}
