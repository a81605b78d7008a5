import { z } from "zod";
import { iso } from "../clock";
import type { Engine } from "../engine";
import { isCountry } from "../fixtures/countries";
import { ENTITY_TYPES, PRODUCTS_USAGE, BUSINESS_TYPES } from "../fixtures/lists";
import { userDecision } from "../magic-values";
import type { Tx } from "../store/state";
import type { Doc } from "../store/types";
import { assertMove } from "./lifecycle";
import { invalid } from "../errors";
import { uuid } from "../ids";
import type { LooseObject } from "../loose-json";

export type Section = "detail" | "company" | "cdd";

/** Required for approval (users.md §11, suggested minimum); change here. */
export const REQUIRED: Record<Section, string[]> = {
  detail: ["dateOfBirth", "nationality", "identificationType", "identificationNumber", "residentialAddress"],
  company: ["registrationNumber", "countryOfIncorporation", "businessType", "companyAddress"],
  cdd: ["entityType", "productsUsage"],
};

/** At least one uploaded document of each group (any type in the group). */
export const REQUIRED_DOCUMENTS: Record<string, string[][]> = {
  individual: [["passport", "national_id"]],
  company: [["company_proof"], ["passport", "national_id"]],
};

const text = z.string().trim().min(1).max(200);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const country = z.string().refine(isCountry, "must be an ISO 3166-1 alpha-2 country code");

export const SECTION_SCHEMAS = {
  detail: z
    .object({
      mobileCountryCode: z.string().regex(/^\+?\d{1,4}$/, "must be a dialling code such as 65"),
      mobileNumber: z.string().regex(/^\d{4,15}$/, "must be 4 to 15 digits"),
      gender: z.enum(["male", "female", "other"]),
      dateOfBirth: date,
      countryOfBirth: country,
      nationality: country,
      countryOfResidence: country,
      countryCode: country,
      residentialAddress: text,
      city: text,
      postalCode: z.string().trim().min(1).max(20),
      identificationType: z.enum(["passport", "national_id", "driving_licence", "residence_permit"]),
      identificationNumber: z.string().trim().min(3).max(50),
      issueDate: date,
      expiryDate: date,
      employmentIndustry: text,
      employmentStatus: text,
      employmentPosition: text,
    })
    .partial()
    .strict(),
  company: z
    .object({
      companyName: text,
      countryOfIncorporation: country,
      countryOfOperations: country,
      businessType: z
        .string()
        .refine((v) => BUSINESS_TYPES.some((b) => b.key === v), "must be a key from Business Types Listing"),
      companyAddress: text,
      postalCode: z.string().trim().min(1).max(20),
      state: text,
      city: text,
      registrationNumber: z.string().trim().min(3).max(50),
      incorporationDate: date,
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

const sectionKey = (s: Section) => `_${s}` as const;

export function missingIn(user: Doc, section: Section): string[] {
  if (section === "company" && user.accountType !== "company") return [];
  const data = user[sectionKey(section)] ?? {};
  return REQUIRED[section].filter((f) => data[f] === undefined || data[f] === null || data[f] === "");
}

/** The section as returned by Retrieve/Update: its fields plus the completeness status object. */
export function sectionView(user: Doc, section: Section) {
  const missingFields = missingIn(user, section);
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

/** Everything still missing before screening: section fields and uploaded documents. */
export function missingForScreening(tx: Tx, user: Doc): string[] {
  const missing = [
    ...missingIn(user, "detail").map((f) => `detail.${f}`),
    ...missingIn(user, "company").map((f) => `company.${f}`),
    ...missingIn(user, "cdd").map((f) => `customerDueDiligence.${f}`),
  ];
  const uploaded = new Set(
    tx
      .all("document")
      .filter((d) => d.userId === user.id && d.status === "uploaded")
      .map((d) => d.documentType),
  );
  for (const group of REQUIRED_DOCUMENTS[user.accountType] ?? []) {
    if (!group.some((t) => uploaded.has(t))) missing.push(`documents.${group.join("|")}`);
  }
  return missing;
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
