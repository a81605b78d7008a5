import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { users } from "../endpoints/users";
import { WallexInvalidRequestError } from "../errors";
import { documentTypesFor, identityDocumentTypesFor } from "../kyc-lists";
import {
  completenessFromWire,
  fromWire,
  KYC_FIELDS,
  KycWireError,
  mapWallexFieldErrors,
  missingForApproval,
  toWire,
} from "../kyc-wire";
import { fromWallexDate, toWallexDate } from "../schemas/kyc-date";
import { setup, type Setup } from "./setup";

describe("KYC dates", () => {
  it("ISO → dd-MM-yyyy and back, either spelling read", () => {
    expect(toWallexDate("1990-01-31")).toBe("31-01-1990");
    expect(toWallexDate("31-01-1990")).toBe("31-01-1990");
    expect(fromWallexDate("31-01-1990")).toBe("1990-01-31");
    expect(fromWallexDate("1990-01-31")).toBe("1990-01-31");
    expect(toWallexDate("2024-02-29")).toBe("29-02-2024");
  });

  it("refuses impossible and malformed dates", () => {
    for (const bad of ["2023-02-29", "31-04-2020", "00-01-2020", "2020-13-01", "1990/01/31", "31-1-1990", "", "soon"]) {
      expect(toWallexDate(bad), bad).toBeNull();
      expect(fromWallexDate(bad), bad).toBeNull();
    }
  });
});

describe("KYC sections ↔ wire", () => {
  it("maps our names to the wire and dates to dd-MM-yyyy; leaves out empty and unknown fields", () => {
    expect(
      toWire("detail", {
        birthDate: "1990-01-31",
        idType: "nric",
        idNumber: "S1234567D",
        idExpiryDate: "2031-12-01",
        residenceCountry: "sg",
        address: "",
        city: null,
        nickname: "Mei",
      }),
    ).toEqual({
      dateOfBirth: "31-01-1990",
      identificationType: "nric",
      identificationNumber: "S1234567D",
      expiryDate: "01-12-2031",
      countryOfResidence: "SG",
      countryCode: "SG",
    });
    expect(
      toWire("company", { incorporationDate: "2015-07-01", incorporationCountry: "ID", address: "Jl. 1" }),
    ).toEqual({ incorporationDate: "01-07-2015", countryOfIncorporation: "ID", companyAddress: "Jl. 1" });
    expect(toWire("dueDiligence", { entityType: "private_limited_company", productsUsage: ["payments"] })).toEqual({
      entityType: "private_limited_company",
      productsUsage: ["payments"],
    });
  });

  it("an impossible date throws with our field names and sends nothing", () => {
    const err = (() => {
      try {
        toWire("detail", { birthDate: "1990-02-30", idIssueDate: "2020-01-01", idExpiryDate: "31-31-2030" });
      } catch (e) {
        return e;
      }
    })() as KycWireError;
    expect(err).toBeInstanceOf(KycWireError);
    expect(Object.keys(err.fieldErrors)).toEqual(["birthDate", "idExpiryDate"]);
  });

  it("reads a section back in our names, dates in either spelling as ISO", () => {
    expect(
      fromWire("detail", {
        userId: "u1",
        dateOfBirth: "31-01-1990",
        issueDate: "2020-06-15",
        expiryDate: "garbage",
        countryOfResidence: "SG",
        countryCode: "SG",
        identificationType: "passport",
        status: { value: "incomplete", missingFields: ["residentialAddress"] },
      }),
    ).toEqual({ birthDate: "1990-01-31", idIssueDate: "2020-06-15", residenceCountry: "SG", idType: "passport" });
    expect(fromWire("company", { incorporationDate: "01-07-2015", countryOfOperations: "HK" })).toEqual({
      incorporationDate: "2015-07-01",
      operatingCountry: "HK",
    });
  });

  it("every wire name and every one of our names is unique within its section", () => {
    for (const rows of Object.values(KYC_FIELDS)) {
      expect(new Set(rows.map((r) => r.field)).size).toBe(rows.length);
      expect(new Set(rows.flatMap((r) => [r.wire, ...(r.alsoWire ?? [])])).size).toBe(
        rows.reduce((n, r) => n + 1 + (r.alsoWire?.length ?? 0), 0),
      );
    }
  });

  it("every wire name of the detail and company tables is a field of the endpoint table's PATCH body", () => {
    const keysOf = (schema: unknown) => Object.keys((schema as z.ZodObject).shape);
    for (const [section, ep] of [
      ["detail", users.updateDetail],
      ["company", users.updateCompany],
    ] as const) {
      const wire = KYC_FIELDS[section].flatMap((r) => [r.wire, ...(r.alsoWire ?? [])]);
      expect(keysOf(ep.body).sort()).toEqual([...wire].sort());
    }
  });

  it("completeness and what approval still needs, in our names", () => {
    expect(completenessFromWire("detail", { value: "incomplete", missingFields: ["dateOfBirth", "weird"] })).toEqual({
      complete: false,
      missing: ["birthDate", "weird"],
    });
    expect(completenessFromWire("company", { value: "completed", missingFields: [] })).toEqual({
      complete: true,
      missing: [],
    });
    expect(missingForApproval("detail", { birthDate: "1990-01-01", nationality: "SG", idType: "nric" })).toEqual([
      "address",
      "idNumber",
    ]);
    expect(missingForApproval("dueDiligence", { entityType: "trust", productsUsage: [] })).toEqual(["productsUsage"]);
  });
});

describe("Wallex field errors → our names", () => {
  it("maps a section PATCH's unprefixed names, screening's prefixed ones and document groups", () => {
    const mapped = mapWallexFieldErrors(
      {
        fieldErrors: {
          dateOfBirth: ["is not a real date: 31-02-1990"],
          "company.registrationNumber": ["is required"],
          "documents.identity": ["an uploaded document of type passport, nric is required"],
          mystery: ["?"],
        },
        missingFields: ["dateOfBirth", "customerDueDiligence.entityType", "documents.proof_of_address", "detail.foo"],
      },
      "detail",
    );
    expect(mapped).toEqual({
      fields: {
        detail: { birthDate: ["is not a real date: 31-02-1990"] },
        company: { registrationNumber: ["is required"] },
        dueDiligence: { entityType: ["is required"] },
      },
      documents: {
        identity: ["an uploaded document of type passport, nric is required"],
        proof_of_address: ["is required"],
      },
      other: { mystery: ["?"], "detail.foo": ["is required"] },
    });
    // Without a section, an unprefixed name cannot be placed.
    expect(mapWallexFieldErrors({ missingFields: ["companyAddress"] }).other).toEqual({
      companyAddress: ["is required"],
    });
    expect(mapWallexFieldErrors({ missingFields: ["companyAddress"] }, "company").fields.company).toEqual({
      address: ["is required"],
    });
  });
});

describe("document types offered per member", () => {
  it("identity documents per country (SG, ID, other), company papers only for companies", () => {
    expect(identityDocumentTypesFor("sg")).toEqual(["nric", "passport", "employment_pass", "s_pass", "work_permit"]);
    expect(identityDocumentTypesFor("ID")).toEqual(["ktp", "family_card", "passport"]);
    expect(identityDocumentTypesFor("HK")).toEqual(["passport", "national_identity"]);
    expect(identityDocumentTypesFor(null)).toEqual(["passport", "national_identity"]);
    expect(documentTypesFor({ countryCode: "SG", accountType: "individual" }).company).toEqual([]);
    expect(documentTypesFor({ countryCode: "SG", accountType: "company" }).company).toEqual([
      "company_proof",
      "company_address_proof",
    ]);
  });
});

describe("kyc-wire against the sandbox", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });
  afterAll(() => s.close());

  it("a section written with toWire reads back equal through fromWire; screening's 400 maps to our fields", async () => {
    const u = await s.client.users.signup({
      body: { email: "kw@example.com", firstName: "A", lastName: "B", countryCode: "SG", accountType: "individual" },
    });
    const ours = { birthDate: "1992-02-29", nationality: "SG", idType: "nric" as const, idIssueDate: "2010-05-06" };
    const back = await s.client.users.updateDetail({ userId: u.id, body: toWire("detail", ours) });
    expect(fromWire("detail", back)).toEqual(ours);
    expect(completenessFromWire("detail", back.status).missing).toEqual(["idNumber", "address"]);

    const err = await s.client.users.screen({ userId: u.id, body: { userId: u.id } }).catch((e) => e);
    expect(err).toBeInstanceOf(WallexInvalidRequestError);
    const mapped = mapWallexFieldErrors(err);
    expect(Object.keys(mapped.fields.detail)).toEqual(["idNumber", "address"]);
    expect(Object.keys(mapped.fields.dueDiligence)).toEqual(["entityType", "productsUsage"]);
    expect(Object.keys(mapped.documents)).toEqual(["identity"]);
    expect(mapped.other).toEqual({});
  });
});
