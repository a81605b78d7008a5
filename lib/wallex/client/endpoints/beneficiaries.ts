import { z } from "zod";
import { entity, id, listItem, listQuery, page, timestamp } from "../schemas/common";
import { endpoint } from "./define";

/** beneficiaries.md. */
/** Known v1-era fields (peer code); requirement-driven extras (routing codes, iban…) pass through. */
const bankAccount = z.looseObject({
  accountNumber: z.string().nullish(),
  bankAccountHolderName: z.string().nullish(),
  bankName: z.string().nullish(),
  bicSwift: z.string().nullish(),
  address: z.string().nullish(),
  country: z.string().nullish(),
  currency: z.string().nullish(),
  iban: z.string().nullish(),
});

export const beneficiary = entity(
  {
    id,
    beneficiaryId: id.optional(),
    nickname: z.string().nullish(),
    entityType: z.string().nullish(),
    companyName: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    address: z.string().nullish(),
    city: z.string().nullish(),
    country: z.string().nullish(),
    type: z.string().nullish(),
    bankAccount: bankAccount.nullish(),
    createdAt: timestamp.nullish(),
  },
  "beneficiaryId",
);

const requirement = z.looseObject({ field: z.string(), required: z.boolean().nullish(), type: z.string().nullish() });
const location = z.looseObject({ code: z.string().nullish(), name: z.string(), country: z.string().nullish() });

export const beneficiaries = {
  /** A `POST` with a JSON body is the inferred alternative. */
  requirements: endpoint({
    method: "GET",
    path: "/v2/beneficiaries/requirements",
    response: page(requirement),
    query: z.looseObject({
      currency: z.string(),
      beneficiaryCountry: z.string().optional(),
      bankCountry: z.string().optional(),
      entityType: z.string().optional(),
    }),
  }),
  /** Legacy `POST /beneficiaries/v1/create` (never called). */
  create: endpoint({
    method: "POST",
    path: "/v2/beneficiaries",
    response: beneficiary,
    body: z.looseObject({
      entityType: z.string(),
      country: z.string(),
      nickname: z.string().optional(),
      companyName: z.string().optional(),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      email: z.string().optional(),
      address: z.string().optional(),
      city: z.string().optional(),
      state: z.string().optional(),
      postalCode: z.string().optional(),
      bankAccount: bankAccount.extend({ currency: z.string() }),
    }),
  }),
  retrieve: endpoint({ method: "GET", path: "/v2/beneficiaries/{beneficiaryId}", response: beneficiary }),
  list: endpoint({
    method: "GET",
    path: "/v2/beneficiaries",
    response: page(beneficiary),
    query: listQuery.extend({
      currency: z.string().optional(),
      country: z.string().optional(),
      entityType: z.string().optional(),
    }),
  }),
  delete: endpoint({ method: "DELETE", path: "/v2/beneficiaries/{beneficiaryId}", response: beneficiary }),
  /** Disabled by default (400 NOT_AUTHORIZED, D6). */
  validate: endpoint({
    method: "POST",
    path: "/v2/beneficiaries/validation",
    body: z.looseObject({ bankAccount: bankAccount.optional() }),
    response: entity({
      status: z.string().nullish(),
      overallScore: z.number().nullish(),
      results: z.array(z.looseObject({})).nullish(),
    }),
  }),
  /** Alternative: `GET /v2/swift?swiftCode=` (inferred). */
  swift: endpoint({
    method: "GET",
    path: "/v2/beneficiaries/swift/{swiftCode}",
    response: entity({ swiftCode: z.string().nullish(), bankName: z.string().nullish(), valid: z.boolean().nullish() }),
  }),
  chinaBanks: endpoint({ method: "GET", path: "/v2/beneficiaries/china-banks", response: page(listItem) }),
  states: endpoint({
    method: "GET",
    path: "/v2/beneficiaries/states",
    query: z.looseObject({ country: z.string() }),
    response: page(location),
  }),
  cities: endpoint({
    method: "GET",
    path: "/v2/beneficiaries/cities",
    response: page(location),
    query: z.looseObject({ country: z.string(), state: z.string().optional() }),
  }),
};
