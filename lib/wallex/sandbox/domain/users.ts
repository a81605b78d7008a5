import { z } from "zod";
import { iso } from "../clock";
import type { Engine } from "../engine";
import { isCountry } from "../fixtures/countries";
import {
  BUSINESS_TYPES,
  DOCUMENT_TYPES,
  EMPLOYMENT_INDUSTRIES,
  EMPLOYMENT_POSITIONS,
  EMPLOYMENT_STATUSES,
  ENTITY_TYPES,
  LEGACY_BUSINESS_TYPES,
  PRODUCTS_USAGE,
} from "../fixtures/lists";
import { userDecision } from "../magic-values";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { assertMove } from "./lifecycle";
import { invalid } from "../errors";
import { uuid } from "../ids";
import type { LooseObject } from "../loose-json";
import type { DocumentRequirement, Requirements } from "../types";

export type Section = "detail" | "company" | "cdd";

const text = z.string().trim().min(1).max(200);
const country = z.string().refine(isCountry, "must be an ISO 3166-1 alpha-2 country code");

/** Whether y-m-d is a real calendar day (no 31-02-1990). */
function realDay(y: number, m: number, d: number) {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Date-only KYC fields (README D21): `dd-MM-yyyy` or the first edition's `YYYY-MM-DD` in, an
 * impossible date is a 400, stored and returned as `dd-MM-yyyy`.
 */
export const kycDate = z.string().transform((v, ctx) => {
  const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(v);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (!y) {
    ctx.addIssue({ code: "custom", message: "must be a date dd-MM-yyyy, e.g. 31-01-1990" });
    return z.NEVER;
  }
  if (!realDay(Number(y), Number(m), Number(d))) {
    ctx.addIssue({ code: "custom", message: `is not a real date: ${v}` });
    return z.NEVER;
  }
  return `${d}-${m}-${y}`;
});

/** A value from a Wallex list: any string by default, exactly one of `values` in strict mode (README D28). */
const listValue = (strict: boolean, values: readonly string[], label: string) =>
  strict ? z.string().refine((v) => values.includes(v), `must be one of the ${label} values, as written`) : text;

/** README D29: any lower_snake_case type by default, exactly the 18 known ones in strict mode. */
export const documentTypeSchema = (strict: boolean) =>
  z
    .string()
    .trim()
    .min(1)
    .max(60)
    .transform((s) => s.toLowerCase())
    .refine((s) => /^[a-z0-9_]+$/.test(s), "must be lower_snake_case, e.g. passport")
    .refine((s) => !strict || DOCUMENT_TYPES.includes(s), "is not one of the known document types");

/** The business types Company Update accepts: the listing (D27) plus the first edition's keys. */
export const businessTypeSchema = (strict: boolean) =>
  listValue(strict, [...BUSINESS_TYPES.map((b) => b.key), ...LEGACY_BUSINESS_TYPES], "Business Types Listing");

/** Section bodies; the short closed lists are always checked, the long ones only in strict mode (D28). */
export function sectionSchemas(strict: boolean) {
  return {
    detail: z
      .object({
        mobileCountryCode: z.string().regex(/^\+?\d{1,4}$/, "must be a dialling code such as 65"),
        mobileNumber: z.string().regex(/^\d{4,15}$/, "must be 4 to 15 digits"),
        gender: z.enum(["male", "female"]),
        dateOfBirth: kycDate,
        countryOfBirth: country,
        nationality: country,
        countryOfResidence: country,
        countryCode: country,
        residentialAddress: text,
        city: text,
        postalCode: z.string().trim().min(1).max(20),
        // D25: nric | passport; `national_id` is the first edition's value, still accepted.
        identificationType: z.enum(["nric", "passport", "national_id"]),
        identificationNumber: z.string().trim().min(3).max(50),
        issueDate: kycDate,
        expiryDate: kycDate,
        employmentIndustry: listValue(strict, EMPLOYMENT_INDUSTRIES, "employment industry"),
        employmentStatus: listValue(strict, EMPLOYMENT_STATUSES, "employment status"),
        employmentPosition: listValue(strict, EMPLOYMENT_POSITIONS, "employment position"),
      })
      .partial()
      .strict(),
    company: z
      .object({
        companyName: text,
        countryOfIncorporation: country,
        countryOfOperations: country,
        businessType: businessTypeSchema(strict),
        companyAddress: text,
        postalCode: z.string().trim().min(1).max(20),
        state: text,
        city: text,
        registrationNumber: z.string().trim().min(3).max(50),
        incorporationDate: kycDate,
      })
      .partial()
      .strict(),
    cdd: z
      .looseObject({
        entityType: z
          .string()
          .refine((v) => ENTITY_TYPES.some((e) => e.key === v), "must be a key from Entity Types Listing"),
        productsUsage: z.preprocess(
          (v) => (typeof v === "string" ? [v] : v),
          z
            .array(
              z
                .string()
                .refine((v) => PRODUCTS_USAGE.some((p) => p.key === v), "must be a key from Products Usage Listing"),
            )
            .min(1),
        ),
      })
      .partial(),
  } as const;
}

const sectionKey = (s: Section) => `_${s}` as const;

export function missingIn(required: Requirements, user: Doc, section: Section): string[] {
  if (section === "company" && user.accountType !== "company") return [];
  const data = user[sectionKey(section)] ?? {};
  return required[section].filter(
    (f) =>
      data[f] === undefined || data[f] === null || data[f] === "" || (Array.isArray(data[f]) && data[f].length === 0),
  );
}

/** The section as returned by Retrieve/Update: its fields plus the completeness status object. */
export function sectionView(required: Requirements, user: Doc, section: Section) {
  const missingFields = missingIn(required, user, section);
  const extra = section === "company" ? { accountId: user.accountId, companyName: user.companyName } : {};
  return {
    userId: user.id,
    ...extra,
    ...(user[sectionKey(section)] ?? {}),
    status: { value: missingFields.length ? "incomplete" : "completed", missingFields },
  };
}

export function updateSection(tx: Tx, user: Doc, section: Section, patch: Record<string, unknown>): Doc {
  const merged = { ...(user[sectionKey(section)] ?? {}), ...patch };
  const extra =
    section === "company" && typeof patch.companyName === "string" ? { companyName: patch.companyName } : {};
  return tx.update("user", user.id, { [sectionKey(section)]: merged, ...extra, updatedAt: iso(tx.now) });
}

/** Document groups screening still needs for this user: none of the group's types is uploaded. */
export function missingDocuments(required: Requirements, tx: Tx, user: Doc): DocumentRequirement[] {
  const uploaded = new Set(
    tx
      .all("document")
      .filter((d) => d.userId === user.id && d.status === "uploaded")
      .map((d) => d.documentType),
  );
  const groups = required.documents[user.accountType === "company" ? "company" : "individual"] ?? [];
  return groups.filter((g) => !g.types.some((t) => uploaded.has(t)));
}

/** Everything still missing before screening: section fields and uploaded documents. */
export function missingForScreening(required: Requirements, tx: Tx, user: Doc): string[] {
  return [
    ...missingIn(required, user, "detail").map((f) => `detail.${f}`),
    ...missingIn(required, user, "company").map((f) => `company.${f}`),
    ...missingIn(required, user, "cdd").map((f) => `customerDueDiligence.${f}`),
    ...missingDocuments(required, tx, user).map((g) => `documents.${g.group}`),
  ];
}

/** Signup: a member account and its first user, in draft (lite signups go straight to review). */
export function registerMember(
  engine: Engine,
  tx: Tx,
  partnerId: string,
  accountType: string,
  kycLevel: string,
  body: LooseObject,
): Doc {
  const email = String(body.email).toLowerCase();
  if (tx.all("user").some((u) => u._partnerId === partnerId && u.email === email))
    throw invalid("email", "email already exists");
  const accountId = uuid();
  tx.insert("account", {
    id: accountId,
    _partnerId: partnerId,
    type: "member",
    entityType: accountType,
    kycLevel,
    status: "active",
    createdAt: iso(tx.now),
  });
  const pick = (keys: string[]) =>
    Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
  const id = uuid();
  const user = tx.insert("user", {
    id,
    userId: id,
    accountId,
    _partnerId: partnerId,
    email,
    firstName: body.firstName,
    lastName: body.lastName,
    username: email,
    language: body.language ?? "en",
    countryCode: body.countryCode,
    accountType,
    companyName: body.companyName ?? null,
    kycLevel,
    status: "draft",
    registrationDate: iso(tx.now),
    createdAt: iso(tx.now),
    updatedAt: iso(tx.now),
    _detail: pick(["dateOfBirth", "nationality", "mobileCountryCode", "mobileNumber"]),
    _company: pick(["registrationNumber", "countryOfIncorporation", "businessType"]),
    _cdd: {},
  });
  return kycLevel === "lite" ? setUserStatus(engine, tx, user, "pending_approval") : user;
}

/** Moves a user along users.md §2.2 and notifies the partner. */
export function setUserStatus(engine: Engine, tx: Tx, user: Doc, status: string, reason?: string): Doc {
  assertMove("user", user.status, status);
  const updated = tx.update("user", user.id, { status, statusReason: reason ?? null, updatedAt: iso(tx.now) });
  engine.notify(tx, user._partnerId, {
    resource: "user",
    resourceId: user.id,
    status,
    accountId: user.accountId,
    reason,
  });
  if (status === "pending_approval" && engine.delays) {
    const delay = user.kycLevel === "lite" ? engine.delays.liteApproval : engine.delays.userDecision;
    engine.schedule(tx, user._partnerId, "user.decide", user.id, delay);
  }
  return updated;
}

/** Automatic compliance decision; the email's +tag picks the outcome (magic-values.ts). */
export function autoDecide(engine: Engine, tx: Tx, job: Doc) {
  const user = tx.get("user", job.ref);
  if (!user || user.status !== "pending_approval") return;
  const decision = userDecision(user.email);
  if (decision) setUserStatus(engine, tx, user, decision.status, decision.reason);
}
