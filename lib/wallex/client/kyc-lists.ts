/**
 * Wallex's fixed KYC value lists, in one place (/work/shared/wallex-api/users.md §4.3, §7.2; README
 * D25, D28, D29, D31, D35). Values are sent verbatim: never re-case them (D28). Lists Wallex serves at
 * runtime (business types, countries, entity types, products usage) are not here: read them from the
 * listings (lib/services/reference-lists.ts keeps a per-partner copy).
 */

/** D35 (peer code). The sandbox still accepts `business` for `company`; we never send it. */
export const ACCOUNT_TYPES = ["individual", "company"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** D35 (peer code). */
export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];

/** D25 (peer code): the only values seen for `identificationType`; the first edition's `national_id` is not offered. */
export const IDENTIFICATION_TYPES = ["nric", "passport"] as const;
export type IdentificationType = (typeof IDENTIFICATION_TYPES)[number];

/** D31 (peer code), Title case, verbatim. */
export const EMPLOYMENT_STATUSES = ["Employed", "Unemployed", "Student", "Self-Employed"] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const EMPLOYMENT_POSITIONS = [
  "Entry Level",
  "Mid-Level/Supervisory/Management",
  "Senior Level/Executive",
  "Owner",
] as const;
export type EmploymentPosition = (typeof EMPLOYMENT_POSITIONS)[number];

/** D31 (peer code): the 22 industries, verbatim (spaces, `/` and `&` included). */
export const EMPLOYMENT_INDUSTRIES = [
  "Advertising/Media/Communications",
  "Administration/Clerical/Facilities Svc",
  "Agriculture/Manufacturing",
  "Banking/Finance/Insurance",
  "Construction",
  "Government/Civil Servant",
  "Personal Care Services",
  "Domestic Helper/Child Care",
  "Education/Teaching",
  "Hotel/Restaurant",
  "Information Technology",
  "Transportation/Shipping",
  "Military/Law Enforcement",
  "Automotive Repairs and Sales",
  "Medical & Health",
  "Real Estate/Property",
  "Retail/Sales",
  "Tourism/Airlines/Maritime",
  "Arts/Entertainment and Recreation",
  "Mining/Oil and Gas/Energy",
  "Water/Utilities/Waste Management",
  "Science",
] as const;
export type EmploymentIndustry = (typeof EMPLOYMENT_INDUSTRIES)[number];

/** D29: AssetMantle's 17 (peer code, v2 path) plus bankservices' `residence_proof`. */
export const DOCUMENT_TYPES = [
  "national_identity",
  "nric",
  "passport",
  "ktp",
  "family_card",
  "employment_pass",
  "s_pass",
  "work_permit",
  "fdw",
  "photo",
  "identity_report",
  "bank_statement",
  "utility_bill",
  "phone_bill",
  "tax_bill",
  "residence_proof",
  "company_proof",
  "company_address_proof",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Identity documents offered per country of the person (ISO alpha-2). (inferred): the reference names
 * the values (users.md §4.3) and suggests filtering per member (D29), but no mapping was seen; `fdw`
 * is not offered anywhere.
 */
export const IDENTITY_DOCUMENT_TYPES: Record<"SG" | "ID" | "other", readonly DocumentType[]> = {
  SG: ["nric", "passport", "employment_pass", "s_pass", "work_permit"],
  ID: ["ktp", "family_card", "passport"],
  other: ["passport", "national_identity"],
};

/** Proof of address or finances (users.md §4.3; grouping inferred). */
export const PROOF_OF_ADDRESS_DOCUMENT_TYPES = [
  "utility_bill",
  "bank_statement",
  "phone_bill",
  "tax_bill",
  "residence_proof",
] as const satisfies readonly DocumentType[];

/** Company documents (users.md §4.3). */
export const COMPANY_DOCUMENT_TYPES = [
  "company_proof",
  "company_address_proof",
] as const satisfies readonly DocumentType[];

/** The identity document types to offer a person from `countryCode` (the person's nationality or residence). */
export function identityDocumentTypesFor(countryCode: string | null | undefined): readonly DocumentType[] {
  const c = (countryCode ?? "").toUpperCase();
  return c === "SG" || c === "ID" ? IDENTITY_DOCUMENT_TYPES[c] : IDENTITY_DOCUMENT_TYPES.other;
}

export type DocumentGroup = "identity" | "proof_of_address" | "company";

/** The document types to offer a member, by group: identity per country, proof of address, company papers for companies. */
export function documentTypesFor(member: {
  countryCode: string | null | undefined;
  accountType: string;
}): Record<DocumentGroup, readonly DocumentType[]> {
  return {
    identity: identityDocumentTypesFor(member.countryCode),
    proof_of_address: PROOF_OF_ADDRESS_DOCUMENT_TYPES,
    company: member.accountType === "company" ? COMPANY_DOCUMENT_TYPES : [],
  };
}

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}
