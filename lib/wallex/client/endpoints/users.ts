import { z } from "zod";
import { completeness, entity, id, isRecord, listItem, listQuery, page, status, timestamp } from "../schemas/common";
import { ACCOUNT_TYPES, GENDERS, IDENTIFICATION_TYPES } from "../kyc-lists";
import { wallexDate } from "../schemas/kyc-date";
import { endpoint } from "./define";

/** users.md. User endpoints address the member through the path and need no onBehalfOf. */
export const user = entity(
  {
    id,
    userId: id.optional(),
    accountId: id.nullish(),
    email: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    accountType: z.string().nullish(),
    kycLevel: z.string().nullish(),
    status,
    createdAt: timestamp.nullish(),
  },
  "userId",
);

/** ISO 3166-1 alpha-2 in every country field (D35). */
const country = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code, e.g. SG");
const signupBase = { email: z.string(), firstName: z.string(), lastName: z.string(), countryCode: country };
const section = entity({ userId: id.optional(), status: completeness.optional() });
const text = z.string().optional();
/** Date-only fields: ISO or dd-MM-yyyy in, dd-MM-yyyy on the wire (D21). */
const date = wallexDate.optional();
/**
 * users.md §7.2 (peer code); partial update. The short lists are checked here (D25, D35); the long
 * ones (employment, D31) are sent verbatim as given: kyc-lists.ts offers them, Wallex may have more.
 */
const detailPatch = z.looseObject({
  mobileCountryCode: text,
  mobileNumber: text,
  gender: z.enum(GENDERS).optional(),
  dateOfBirth: date,
  countryOfBirth: country.optional(),
  nationality: country.optional(),
  countryOfResidence: country.optional(),
  countryCode: country.optional(),
  residentialAddress: text,
  city: text,
  postalCode: text,
  identificationType: z.enum(IDENTIFICATION_TYPES).optional(),
  identificationNumber: text,
  issueDate: date,
  expiryDate: date,
  employmentIndustry: text,
  employmentStatus: text,
  employmentPosition: text,
});
/** users.md §7.4 (peer code); partial update. */
const companyPatch = z.looseObject({
  companyName: text,
  countryOfIncorporation: country.optional(),
  countryOfOperations: country.optional(),
  /** A value of Business Types Listing, verbatim (D27): never hard-coded here. */
  businessType: text,
  companyAddress: text,
  postalCode: text,
  state: text,
  city: text,
  registrationNumber: text,
  incorporationDate: date,
});
/** users.md §7.6: field names not found; `entityType` / `productsUsage` take keys from the two listings (inferred). */
const dueDiligencePatch = z.looseObject({ entityType: text, productsUsage: z.array(z.string()).optional() });
/** users.md §4.3: lower_snake_case; kyc-lists.ts `DOCUMENT_TYPES` has the 18 known ones (D29). */
const documentType = z.string().regex(/^[a-z0-9_]+$/, "must be a lower_snake_case document type, e.g. passport");
export const document = entity({
  id,
  documentType: z.string().nullish(),
  documentName: z.string().nullish(),
  status: z.string().nullish(),
  uploadURL: z.string().nullish(),
});
/** D26: `{documentId, documentType, documentName}` (peer code), `id` too on the sandbox: read `documentId ?? id`. */
export const deletedDocument = z.preprocess(
  (raw) => {
    const body = isRecord(raw) && isRecord(raw.data) ? raw.data : raw;
    if (!isRecord(body)) return body;
    const documentId = body.documentId ?? body.id;
    return { ...body, documentId, id: body.id ?? documentId };
  },
  z.looseObject({
    documentId: id,
    id,
    documentType: z.string().nullish(),
    documentName: z.string().nullish(),
  }),
);
/** D30: peer code read only `status` (and once `id`); the sandbox answers the whole user. */
export const screening = entity({ id: id.optional(), userId: id.optional(), status }, "userId");
const userPath = "/v2/users/{userId}" as const;

export const users = {
  signup: endpoint({
    method: "POST",
    path: "/v2/signup",
    response: user,
    body: z.looseObject({
      ...signupBase,
      accountType: z.enum(ACCOUNT_TYPES),
      companyName: z.string().optional(),
      password: z.string().optional(),
      language: z.string().optional(),
    }),
  }),
  /** Alias `/v2/signup/lite/company` (inferred). */
  signupLiteCompany: endpoint({
    method: "POST",
    path: "/v2/signup/company-lite",
    response: user,
    body: z.looseObject({
      ...signupBase,
      companyName: z.string(),
      registrationNumber: z.string().optional(),
      countryOfIncorporation: country.optional(),
      businessType: z.string().optional(),
    }),
  }),
  /** Alias `/v2/signup/lite/individual` (inferred). */
  signupLiteIndividual: endpoint({
    method: "POST",
    path: "/v2/signup/individual-lite",
    response: user,
    body: z.looseObject({
      ...signupBase,
      dateOfBirth: date,
      nationality: country.optional(),
      mobileCountryCode: z.string().optional(),
      mobileNumber: z.string().optional(),
    }),
  }),
  list: endpoint({
    method: "GET",
    path: "/v2/users",
    query: listQuery.extend({ status: z.string().optional(), email: z.string().optional() }),
    response: page(user),
  }),
  retrieve: endpoint({ method: "GET", path: userPath, response: user }),
  retrieveDetail: endpoint({ method: "GET", path: `${userPath}/detail`, response: section }),
  updateDetail: endpoint({ method: "PATCH", path: `${userPath}/detail`, body: detailPatch, response: section }),
  retrieveCompany: endpoint({ method: "GET", path: `${userPath}/company`, response: section }),
  /** An older integration used `/v2/company/` (peer code). */
  updateCompany: endpoint({ method: "PATCH", path: `${userPath}/company`, body: companyPatch, response: section }),
  /** Alias `/v2/users/{userId}/cdd` (inferred). */
  retrieveDueDiligence: endpoint({ method: "GET", path: `${userPath}/customer-due-diligence`, response: section }),
  updateDueDiligence: endpoint({
    method: "PATCH",
    path: `${userPath}/customer-due-diligence`,
    body: dueDiligencePatch,
    response: section,
  }),
  listEntityTypes: endpoint({ method: "GET", path: "/v2/users/entity-types", response: page(listItem) }),
  listProductsUsage: endpoint({ method: "GET", path: "/v2/users/products-usage", response: page(listItem) }),
  /** Then PUT the file to `uploadURL` with `client.uploadFile`. */
  createDocument: endpoint({
    method: "POST",
    path: `${userPath}/documents`,
    response: document,
    body: z.looseObject({ documentType, documentName: z.string().min(1) }),
  }),
  listDocuments: endpoint({ method: "GET", path: `${userPath}/documents`, query: listQuery, response: page(document) }),
  retrieveDocument: endpoint({ method: "GET", path: `${userPath}/documents/{documentId}`, response: document }),
  deleteDocument: endpoint({
    method: "DELETE",
    path: `${userPath}/documents/{documentId}`,
    response: deletedDocument,
  }),
  /**
   * D30: the body is `{userId}` (peer code; Wallex may ignore it); the answer carries the new `status`.
   * A 400 lists what is still missing in `missingFields` (kyc-wire.ts maps them to our names).
   */
  screen: endpoint({
    method: "POST",
    path: `${userPath}/screen`,
    body: z.object({ userId: id }),
    response: screening,
  }),
};
