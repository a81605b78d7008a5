import { z } from "zod";
import { completeness, entity, id, listItem, listQuery, page, status, timestamp } from "../schemas/common";
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

const signupBase = { email: z.string(), firstName: z.string(), lastName: z.string(), countryCode: z.string() };
const section = entity({ userId: id.optional(), status: completeness.optional() });
const text = z.string().optional();
/** users.md §7.2 (peer code); partial update. */
const detailPatch = z.looseObject({
  mobileCountryCode: text,
  mobileNumber: text,
  gender: text,
  dateOfBirth: text,
  countryOfBirth: text,
  nationality: text,
  countryOfResidence: text,
  countryCode: text,
  residentialAddress: text,
  city: text,
  postalCode: text,
  identificationType: text,
  identificationNumber: text,
  issueDate: text,
  expiryDate: text,
  employmentIndustry: text,
  employmentStatus: text,
  employmentPosition: text,
});
/** users.md §7.4 (peer code); partial update. */
const companyPatch = z.looseObject({
  companyName: text,
  countryOfIncorporation: text,
  countryOfOperations: text,
  businessType: text,
  companyAddress: text,
  postalCode: text,
  state: text,
  city: text,
  registrationNumber: text,
  incorporationDate: text,
});
/** users.md §7.6: field names not found; `entityType` / `productsUsage` take keys from the two listings (inferred). */
const dueDiligencePatch = z.looseObject({ entityType: text, productsUsage: z.array(z.string()).optional() });
export const document = entity({
  id,
  documentType: z.string().nullish(),
  documentName: z.string().nullish(),
  status: z.string().nullish(),
  uploadURL: z.string().nullish(),
});
const userPath = "/v2/users/{userId}" as const;

export const users = {
  signup: endpoint({
    method: "POST",
    path: "/v2/signup",
    response: user,
    body: z.looseObject({
      ...signupBase,
      accountType: z.enum(["individual", "company", "business"]),
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
      countryOfIncorporation: z.string().optional(),
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
      dateOfBirth: z.string().optional(),
      nationality: z.string().optional(),
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
    body: z.looseObject({ documentType: z.string(), documentName: z.string() }),
  }),
  listDocuments: endpoint({ method: "GET", path: `${userPath}/documents`, query: listQuery, response: page(document) }),
  retrieveDocument: endpoint({ method: "GET", path: `${userPath}/documents/{documentId}`, response: document }),
  deleteDocument: endpoint({ method: "DELETE", path: `${userPath}/documents/{documentId}`, response: document }),
  /** Body optional; some integrations send `{userId}`. */
  screen: endpoint({ method: "POST", path: `${userPath}/screen`, response: user }),
};
