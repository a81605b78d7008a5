import {
  EMPLOYMENT_INDUSTRIES,
  EMPLOYMENT_POSITIONS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  IDENTIFICATION_TYPES,
} from "./kyc-lists";
import { fromWallexDate, toWallexDate } from "./schemas/kyc-date";

/**
 * The KYC sections between our onboarding and Wallex's wire (users.md §7): our field names and ISO
 * `YYYY-MM-DD` dates on one side, Wallex's names and `dd-MM-yyyy` dates (README D21) on the other,
 * and Wallex's 400 field errors (`errors` / `missingFields`) back to our names. One table per section;
 * a corrected wire name is one line here.
 */

export type KycSection = "detail" | "company" | "dueDiligence";

/**
 * `date`: ISO in the app, dd-MM-yyyy on the wire. `country`: ISO 3166-1 alpha-2. `enum`: one value of
 * a list, verbatim (D28); `values` is the fixed list, or the name of a list Wallex serves (read it
 * through lib/services/reference-lists.ts). `multi`: several of them. `text`: free text.
 */
export type KycFieldKind = "date" | "country" | "enum" | "multi" | "text";

export type KycField = {
  /** Our name (drafts, forms, field errors). */
  field: string;
  /** Wallex's name in the section body. */
  wire: string;
  /** Also written to these wire names (read from none of them). */
  alsoWire?: readonly string[];
  kind: KycFieldKind;
  values?: readonly string[] | "businessTypes" | "entityTypes" | "productsUsage";
  /** Needed before screening (users.md §11.3, the suggested minimum: inferred). */
  requiredForApproval: boolean;
};

const f = (
  field: string,
  wire: string,
  kind: KycFieldKind,
  requiredForApproval = false,
  extra: Pick<KycField, "values" | "alsoWire"> = {},
): KycField => ({ field, wire, kind, requiredForApproval, ...extra });

/** User Detail Update, `PATCH /v2/users/{userId}/detail` (users.md §7.2, peer code). */
export const DETAIL_FIELDS: readonly KycField[] = [
  f("phoneCountryCode", "mobileCountryCode", "text"),
  f("phoneNumber", "mobileNumber", "text"),
  f("gender", "gender", "enum", false, { values: GENDERS }),
  f("birthDate", "dateOfBirth", "date", true),
  f("birthCountry", "countryOfBirth", "country"),
  f("nationality", "nationality", "country", true),
  // AssetMantle sends the country of residence as `countryCode` as well (users.md §7.2, peer code).
  f("residenceCountry", "countryOfResidence", "country", false, { alsoWire: ["countryCode"] }),
  f("address", "residentialAddress", "text", true),
  f("city", "city", "text"),
  f("postalCode", "postalCode", "text"),
  f("idType", "identificationType", "enum", true, { values: IDENTIFICATION_TYPES }),
  f("idNumber", "identificationNumber", "text", true),
  f("idIssueDate", "issueDate", "date"),
  f("idExpiryDate", "expiryDate", "date"),
  f("employmentStatus", "employmentStatus", "enum", false, { values: EMPLOYMENT_STATUSES }),
  f("employmentPosition", "employmentPosition", "enum", false, { values: EMPLOYMENT_POSITIONS }),
  f("employmentIndustry", "employmentIndustry", "enum", false, { values: EMPLOYMENT_INDUSTRIES }),
];

/** Company Update, `PATCH /v2/users/{userId}/company` (users.md §7.4, peer code). */
export const COMPANY_FIELDS: readonly KycField[] = [
  f("companyName", "companyName", "text"),
  f("registrationNumber", "registrationNumber", "text", true),
  f("incorporationCountry", "countryOfIncorporation", "country", true),
  f("operatingCountry", "countryOfOperations", "country"),
  f("incorporationDate", "incorporationDate", "date"),
  f("businessType", "businessType", "enum", true, { values: "businessTypes" }),
  f("address", "companyAddress", "text", true),
  f("city", "city", "text"),
  f("state", "state", "text"),
  f("postalCode", "postalCode", "text"),
];

/**
 * Customer Due Diligence Update (users.md §7.6). Wallex's field names were not found: `entityType`
 * and `productsUsage` take listing keys (docs); the free-form answers are (inferred).
 */
export const DUE_DILIGENCE_FIELDS: readonly KycField[] = [
  f("entityType", "entityType", "enum", true, { values: "entityTypes" }),
  f("productsUsage", "productsUsage", "multi", true, { values: "productsUsage" }),
  f("sourceOfFunds", "sourceOfFunds", "text"),
  f("purposeOfAccount", "purposeOfAccount", "text"),
  f("expectedMonthlyVolume", "expectedMonthlyVolume", "text"),
  f("expectedTransactionCurrencies", "expectedTransactionCurrencies", "text"),
];

export const KYC_FIELDS: Record<KycSection, readonly KycField[]> = {
  detail: DETAIL_FIELDS,
  company: COMPANY_FIELDS,
  dueDiligence: DUE_DILIGENCE_FIELDS,
};

/** How Wallex prefixes a section in screening's `missingFields` (the sandbox's spelling; inferred). */
const WIRE_PREFIX: Record<string, KycSection> = {
  detail: "detail",
  company: "company",
  customerDueDiligence: "dueDiligence",
  cdd: "dueDiligence",
};

/** A value our side sent that cannot go on the wire (a date that does not exist); keyed by our field name. */
export class KycWireError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`not sendable to Wallex: ${Object.keys(fieldErrors).join(", ")}`);
    this.name = "KycWireError";
  }
}

export type KycValues = Record<string, unknown>;

/**
 * Our section values → the PATCH body. Only the fields present are sent (Wallex merges partial
 * updates); `null` and `""` are left out, as the reference does not say how Wallex clears a field.
 * Dates go out as dd-MM-yyyy (an impossible one throws KycWireError); unknown keys are ignored.
 */
export function toWire(section: KycSection, values: KycValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const errors: Record<string, string[]> = {};
  for (const spec of KYC_FIELDS[section]) {
    const v = values[spec.field];
    if (v === undefined || v === null || v === "") continue;
    let out: unknown = v;
    if (spec.kind === "date") {
      out = typeof v === "string" ? toWallexDate(v) : null;
      if (out === null) {
        errors[spec.field] = ["is not a real date"];
        continue;
      }
    } else if (spec.kind === "country" && typeof v === "string") out = v.trim().toUpperCase();
    body[spec.wire] = out;
    for (const alias of spec.alsoWire ?? []) body[alias] = out;
  }
  if (Object.keys(errors).length) throw new KycWireError(errors);
  return body;
}

/**
 * A section Wallex returned → our values. Dates in either spelling become ISO (a date that is neither
 * is dropped); fields we have no row for are left out; `status` is read by `completenessFromWire`.
 */
export function fromWire(section: KycSection, body: Record<string, unknown>): KycValues {
  const out: KycValues = {};
  for (const spec of KYC_FIELDS[section]) {
    const v = body[spec.wire];
    if (v === undefined || v === null) continue;
    if (spec.kind === "date") {
      const iso = typeof v === "string" ? fromWallexDate(v) : null;
      if (iso !== null) out[spec.field] = iso;
    } else out[spec.field] = v;
  }
  return out;
}

/** Our name → the wire name, and back (undefined when the section has no such row). */
export function wireName(section: KycSection, field: string) {
  return KYC_FIELDS[section].find((s) => s.field === field)?.wire;
}
export function ourName(section: KycSection, wire: string) {
  return KYC_FIELDS[section].find((s) => s.wire === wire || s.alsoWire?.includes(wire))?.field;
}

/** The section's completeness object `{value, missingFields}` in our names (`complete` when `value` is `completed`). */
export function completenessFromWire(
  section: KycSection,
  status: { value?: string; missingFields?: string[] } | null | undefined,
) {
  const missing = (status?.missingFields ?? []).map((w) => ourName(section, w) ?? w);
  return { complete: status?.value?.toLowerCase() === "completed" && missing.length === 0, missing };
}

/** Fields of the section still empty in `values` that approval needs (our names). */
export function missingForApproval(section: KycSection, values: KycValues): string[] {
  return KYC_FIELDS[section]
    .filter((s) => s.requiredForApproval)
    .filter((s) => {
      const v = values[s.field];
      return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
    })
    .map((s) => s.field);
}

export type MappedFieldErrors = {
  /** Messages per section, by our field name. */
  fields: Record<KycSection, Record<string, string[]>>;
  /** Missing uploaded documents, by Wallex's group name (`documents.identity` → `identity`). */
  documents: Record<string, string[]>;
  /** Names we could not place (kept so nothing Wallex said is lost). */
  other: Record<string, string[]>;
};

/**
 * Wallex's 400 (WallexError `fieldErrors` from `errors`, and `missingFields`) → our names. A name may
 * carry a section prefix (`detail.dateOfBirth`, `customerDueDiligence.entityType`, `documents.identity`:
 * screening) or none (a section PATCH: it belongs to `section`). A missing field without a message of
 * its own gets "is required".
 */
export function mapWallexFieldErrors(
  error: { fieldErrors?: Record<string, string[]>; missingFields?: readonly string[] },
  section?: KycSection,
): MappedFieldErrors {
  const out: MappedFieldErrors = { fields: { detail: {}, company: {}, dueDiligence: {} }, documents: {}, other: {} };
  const entries: Array<[string, string[]]> = Object.entries(error.fieldErrors ?? {});
  for (const name of error.missingFields ?? []) {
    if (!entries.some(([n]) => n === name)) entries.push([name, ["is required"]]);
  }
  for (const [name, messages] of entries) {
    const dot = name.indexOf(".");
    const head = dot > 0 ? name.slice(0, dot) : "";
    const rest = dot > 0 ? name.slice(dot + 1) : name;
    if (head === "documents") {
      (out.documents[rest] ??= []).push(...messages);
      continue;
    }
    const target = WIRE_PREFIX[head] ?? (dot > 0 ? undefined : section);
    const ours = target ? ourName(target, rest) : undefined;
    if (target && ours) (out.fields[target][ours] ??= []).push(...messages);
    else (out.other[name] ??= []).push(...messages);
  }
  return out;
}
