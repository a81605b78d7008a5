import { isCountry } from "../fixtures/countries";
import { currency } from "../fixtures/currencies";
import { BIC_RE, CHINA_BANKS } from "../fixtures/banks";
import type { FieldErrors } from "../errors";
import { isLocal } from "./channels";
import type { LooseJson, LooseObject } from "../loose-json";

export type Rule = {
  field: string;
  label: string;
  required: boolean;
  type: "string";
  regex?: string;
  minLength?: number;
  maxLength?: number;
  options?: string[];
  enumSource?: string;
};

const r = (field: string, label: string, extra: Partial<Rule> = {}): Rule => ({
  field,
  label,
  required: true,
  type: "string",
  ...extra,
});
const ACCOUNT = (regex: string) => r("bankAccount.accountNumber", "Bank account number", { regex });

/** Local corridor rules by bank country (beneficiaries.md §3 seed table; standard banking formats). */
const LOCAL: Record<string, (entity: string) => Rule[]> = {
  SG: () => [ACCOUNT("^[0-9]{6,17}$")],
  ID: (e) => [
    ACCOUNT("^[0-9]{5,20}$"),
    ...(e === "individual" ? [r("nationalIdNumber", "National ID number (NIK)", { regex: "^[0-9]{16}$" })] : []),
  ],
  MY: () => [ACCOUNT("^[0-9]{8,20}$")],
  TH: () => [ACCOUNT("^[0-9]{8,20}$")],
  PH: () => [ACCOUNT("^[0-9]{8,20}$")],
  HK: () => [ACCOUNT("^[0-9]{6,12}$"), r("bankAccount.bankCode", "Bank code", { regex: "^[0-9]{3}$" })],
  CN: (e) =>
    e === "individual"
      ? [
          ACCOUNT("^[0-9]{12,19}$"),
          r("bankAccount.bankName", "Bank name", {
            enumSource: "china-banks",
            options: CHINA_BANKS.map((b) => b.name),
          }),
          r("nationalIdNumber", "Resident ID number", { regex: "^[0-9]{17}[0-9X]$" }),
        ]
      : [ACCOUNT("^[0-9]{8,30}$"), r("bankAccount.cnapsCode", "CNAPS code", { regex: "^[0-9]{12}$" })],
  IN: () => [ACCOUNT("^[0-9]{9,18}$"), r("bankAccount.routingCode", "IFSC", { regex: "^[A-Z]{4}0[A-Z0-9]{6}$" })],
  AU: () => [ACCOUNT("^[0-9]{6,10}$"), r("bankAccount.routingCode", "BSB", { regex: "^[0-9]{6}$" })],
  GB: () => [ACCOUNT("^[0-9]{8}$"), r("bankAccount.routingCode", "Sort code", { regex: "^[0-9]{6}$" })],
  US: () => [ACCOUNT("^[0-9]{4,17}$"), r("bankAccount.routingCode", "ABA routing number", { regex: "^[0-9]{9}$" })],
};
/** Beneficiary countries whose addresses need a state and a postal code. */
const ADDRESS_DETAIL = new Set(["US", "CA", "AU", "IN", "CN"]);

const SEPA_RULES = [
  r("bankAccount.iban", "IBAN", { regex: "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$" }),
  r("bankAccount.bicSwift", "BIC", { regex: BIC_RE.source }),
];

/** The fields needed for one (entity type, currency, beneficiary country, bank country). */
export function requirements(entityType: string, cur: string, country: string, bankCountry: string): Rule[] {
  const rules: Rule[] = [
    r("nickname", "Nickname", { required: false, maxLength: 50 }),
    r("email", "Email", { required: false, regex: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$" }),
    r("entityType", "Entity type", { options: ["individual", "company"] }),
    ...(entityType === "company"
      ? [r("companyName", "Company name", { maxLength: 140 })]
      : [r("firstName", "First name", { maxLength: 70 }), r("lastName", "Last name", { maxLength: 70 })]),
    r("address", "Address", { maxLength: 140 }),
    r("city", "City", { maxLength: 35 }),
    r("country", "Beneficiary country", { regex: "^[A-Z]{2}$" }),
    ...(ADDRESS_DETAIL.has(country)
      ? [r("state", "State / province", { maxLength: 35 }), r("postalCode", "Postal code", { maxLength: 16 })]
      : []),
    r("bankAccount.bankAccountHolderName", "Account holder name", { maxLength: 140 }),
    r("bankAccount.bankName", "Bank name", { maxLength: 140 }),
    r("bankAccount.country", "Bank country", { regex: "^[A-Z]{2}$" }),
    r("bankAccount.currency", "Account currency", { regex: "^[A-Z]{3}$" }),
  ];
  let extra: Rule[];
  if (cur === "EUR" && isLocal(cur, bankCountry)) extra = SEPA_RULES;
  else if (isLocal(cur, bankCountry) && LOCAL[bankCountry]) extra = LOCAL[bankCountry](entityType);
  else if (isLocal(cur, bankCountry)) extra = [ACCOUNT("^[A-Z0-9]{5,34}$")];
  else
    extra = [
      ACCOUNT("^[A-Z0-9]{5,34}$"),
      r("bankAccount.bicSwift", "SWIFT/BIC", { regex: BIC_RE.source }),
      r("bankAccount.address", "Bank address", { maxLength: 140 }),
    ];
  const byField = new Map(rules.map((x) => [x.field, x]));
  for (const x of extra) byField.set(x.field, { ...byField.get(x.field), ...x });
  return [...byField.values()];
}

const get = (obj: LooseObject, path: string) =>
  path.split(".").reduce<LooseJson>((o, k) => (o == null ? undefined : o[k]), obj);

/** The corridor inputs, validated: unknown currencies and countries name their field. */
export function corridor(body: LooseObject): {
  errors: FieldErrors;
  entityType: string;
  cur: string;
  country: string;
  bankCountry: string;
} {
  const errors: FieldErrors = {};
  const entityType = body.entityType === "business" ? "company" : body.entityType;
  const cur = get(body, "bankAccount.currency") ?? body.currency;
  const country = body.country ?? body.beneficiaryCountry;
  const bankCountry = get(body, "bankAccount.country") ?? body.bankCountry;
  if (!["individual", "company"].includes(entityType)) errors.entityType = ['must be "individual" or "company"'];
  if (!currency(cur)?.canPay) errors["bankAccount.currency"] = [cur ? `unsupported currency ${cur}` : "is required"];
  if (!isCountry(country)) errors.country = [country ? `unknown country ${country}` : "is required"];
  if (!isCountry(bankCountry))
    errors["bankAccount.country"] = [bankCountry ? `unknown country ${bankCountry}` : "is required"];
  return { errors, entityType, cur, country, bankCountry };
}

/** Validates a create body against its rules; returns per-field messages and the missing fields. */
export function validateBeneficiary(body: LooseObject, rules: Rule[]) {
  const errors: FieldErrors = {};
  const missing: string[] = [];
  for (const rule of rules) {
    const value = get(body, rule.field);
    if (value === undefined || value === null || value === "") {
      if (rule.required) {
        missing.push(rule.field);
        errors[rule.field] = ["is required"];
      }
      continue;
    }
    if (typeof value !== "string") {
      errors[rule.field] = ["must be a string"];
      continue;
    }
    if (rule.regex && !new RegExp(rule.regex).test(value)) errors[rule.field] = [`does not match ${rule.regex}`];
    else if (rule.maxLength && value.length > rule.maxLength)
      errors[rule.field] = [`must be at most ${rule.maxLength} characters`];
    else if (rule.options && !rule.options.includes(value))
      errors[rule.field] = [`must be one of: ${rule.options.join(", ")}`];
  }
  const bic = get(body, "bankAccount.bicSwift");
  const bankCountry = get(body, "bankAccount.country");
  if (typeof bic === "string" && BIC_RE.test(bic) && bic.slice(4, 6) !== bankCountry) {
    errors["bankAccount.bicSwift"] = [`country part ${bic.slice(4, 6)} does not match bank country ${bankCountry}`];
  }
  return { errors, missing };
}
