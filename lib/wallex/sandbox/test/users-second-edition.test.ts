import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNER } from "../index";
import { startSandbox, type Harness } from "./harness";
import { startReceiver } from "./receiver";

/** The reference's second edition (README "Changes since the first edition") for Users, Utils and Webhooks. */

const person = (email: string, accountType = "individual") => ({
  email,
  firstName: "Siti",
  lastName: "Rahma",
  countryCode: "ID",
  accountType,
  ...(accountType === "individual" ? {} : { companyName: "PT Maju Jaya" }),
});
const unique = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@example.com`;
const fieldsOf = (body: { errors?: Array<{ message: Record<string, string[]> }> }) =>
  Object.keys(body.errors?.[0]?.message ?? {});

async function upload(url: string) {
  const r = await fetch(url, {
    method: "PUT",
    body: Buffer.from("%PDF-1.4 test"),
    headers: { "content-type": "application/pdf", "x-amz-storage-class": "STANDARD" },
  });
  expect(r.status).toBe(200);
}

describe("second edition, default mode", () => {
  let h: Harness;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    h = await startSandbox();
    rx = await startReceiver();
    await h.api.put("/v2/webhooks", { url: rx.url });
  });
  afterAll(async () => {
    await h.stop();
    await rx.close();
  });
  const signup = async (tag: string, accountType = "individual") =>
    (await h.api.post("/v2/signup", person(unique(tag), accountType))).body;

  it("D21: date-only fields accept dd-MM-yyyy and YYYY-MM-DD, store and return dd-MM-yyyy, refuse impossible dates", async () => {
    const u = await signup("dates");
    const a = await h.api.patch(`/v2/users/${u.userId}/detail`, {
      dateOfBirth: "31-01-1990",
      issueDate: "2020-02-29",
      expiryDate: "28-02-2030",
    });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ dateOfBirth: "31-01-1990", issueDate: "29-02-2020", expiryDate: "28-02-2030" });
    expect((await h.api.get(`/v2/users/${u.userId}/detail`)).body.issueDate).toBe("29-02-2020");
    for (const bad of ["31-02-1990", "2021-02-29", "00-01-1990", "31/01/1990", "1990-1-31"]) {
      const r = await h.api.patch(`/v2/users/${u.userId}/detail`, { dateOfBirth: bad });
      expect(r.status, bad).toBe(400);
      expect(fieldsOf(r.body)).toEqual(["dateOfBirth"]);
    }
    expect((await h.api.get(`/v2/users/${u.userId}/detail`)).body.dateOfBirth).toBe("31-01-1990");

    const co = await signup("inc", "company");
    const c = await h.api.patch(`/v2/users/${co.userId}/company`, { incorporationDate: "2015-07-01" });
    expect(c.body.incorporationDate).toBe("01-07-2015");
    expect((await h.api.patch(`/v2/users/${co.userId}/company`, { incorporationDate: "32-01-2015" })).status).toBe(400);
    const lite = await h.api.post("/v2/signup/individual-lite", {
      ...person(unique("lite")),
      dateOfBirth: "1988-12-05",
    });
    expect((await h.api.get(`/v2/users/${lite.body.userId}/detail`)).body.dateOfBirth).toBe("05-12-1988");
  });

  it("D25, D35: identificationType nric | passport (+ national_id), gender male | female, accountType (+ business)", async () => {
    const u = await signup("ids");
    for (const identificationType of ["nric", "passport", "national_id"]) {
      const r = await h.api.patch(`/v2/users/${u.userId}/detail`, { identificationType });
      expect(r.body.identificationType).toBe(identificationType);
    }
    for (const bad of ["NRIC", "driving_licence", "ktp"]) {
      expect((await h.api.patch(`/v2/users/${u.userId}/detail`, { identificationType: bad })).status, bad).toBe(400);
    }
    expect((await h.api.patch(`/v2/users/${u.userId}/detail`, { gender: "female" })).body.gender).toBe("female");
    expect((await h.api.patch(`/v2/users/${u.userId}/detail`, { gender: "Female" })).status).toBe(400);
    const biz = await h.api.post("/v2/signup", { ...person(unique("biz"), "business") });
    expect(biz.body.accountType).toBe("company");
    expect((await h.api.patch(`/v2/users/${u.userId}/detail`, { nationality: "IDN" })).status).toBe(400);
  });

  it("D27: the listing serves the 22 display strings; Company Update takes them verbatim, plus trading / it_services and, outside strict mode, any text", async () => {
    const list = (await h.api.get("/v2/utils/business-types")).body;
    expect(list.data).toHaveLength(22);
    expect(list.data).toContainEqual({ key: "Trading/Retail/Wholesale", description: "Trading/Retail/Wholesale" });
    expect(list.data.map((b: { key: string }) => b.key)).not.toContain("trading");
    const co = await signup("bt", "company");
    for (const businessType of [
      "Construction & Development",
      "Unknown - Unknown",
      "trading",
      "it_services",
      "Fintech",
    ]) {
      expect((await h.api.patch(`/v2/users/${co.userId}/company`, { businessType })).body.businessType).toBe(
        businessType,
      );
    }
  });

  it("D29, D31: any lower_snake_case documentType and any employment text outside strict mode", async () => {
    const u = await signup("docs");
    const ok = await h.api.post(`/v2/users/${u.userId}/documents`, {
      documentType: "selfie_with_id",
      documentName: "me.png",
    });
    expect(ok.body.documentType).toBe("selfie_with_id");
    expect(
      (await h.api.post(`/v2/users/${u.userId}/documents`, { documentType: "not snake!", documentName: "x.pdf" }))
        .status,
    ).toBe(400);
    expect(
      (await h.api.post(`/v2/users/${u.userId}/documents`, { documentType: "", documentName: "x.pdf" })).status,
    ).toBe(400);
    const e = await h.api.patch(`/v2/users/${u.userId}/detail`, { employmentStatus: "freelancing" });
    expect(e.body.employmentStatus).toBe("freelancing");
  });

  it("D26: Document Delete answers {id, documentId, documentType, documentName}", async () => {
    const u = await signup("del");
    const d = (
      await h.api.post(`/v2/users/${u.userId}/documents`, { documentType: "utility_bill", documentName: "Bill.PDF" })
    ).body;
    const gone = await h.api.del(`/v2/users/${u.userId}/documents/${d.id}`);
    expect(gone.body).toEqual({ id: d.id, documentId: d.id, documentType: "utility_bill", documentName: "bill.pdf" });
  });

  it("D30: screening takes {userId} or no body, refuses with 400 + missingFields while data or an uploaded document is missing, and answers the user with status", async () => {
    const u = await signup("screen");
    const early = await h.api.post(`/v2/users/${u.userId}/screen`, { userId: u.userId });
    expect(early.status).toBe(400);
    expect(early.body.missingFields).toEqual([
      "detail.dateOfBirth",
      "detail.nationality",
      "detail.identificationType",
      "detail.identificationNumber",
      "detail.residentialAddress",
      "customerDueDiligence.entityType",
      "customerDueDiligence.productsUsage",
      "documents.identity",
    ]);
    expect(early.body.errors[0].message["documents.identity"][0]).toMatch(/ktp/);

    await h.api.patch(`/v2/users/${u.userId}/detail`, {
      dateOfBirth: "01-02-1991",
      nationality: "ID",
      identificationType: "passport",
      identificationNumber: "C1234567",
      residentialAddress: "Jl. Sudirman 1",
    });
    await h.api.patch(`/v2/users/${u.userId}/cdd`, { entityType: "individual", productsUsage: ["payments"] });
    const ktp = (await h.api.post(`/v2/users/${u.userId}/documents`, { documentType: "ktp", documentName: "ktp.jpg" }))
      .body;
    // Created but not uploaded: it does not count.
    const notYet = await h.api.post(`/v2/users/${u.userId}/screen`);
    expect(notYet.body.missingFields).toEqual(["documents.identity"]);
    await upload(ktp.uploadURL);
    expect((await h.api.post(`/v2/users/${u.userId}/screen`, { userId: crypto.randomUUID() })).status).toBe(400);
    const screened = await h.api.post(`/v2/users/${u.userId}/screen`, { userId: u.userId });
    expect(screened.status).toBe(200);
    expect(screened.body).toMatchObject({ id: u.userId, userId: u.userId, status: "pending_approval" });
  });

  it("the operator hook drives the decision; document_needs_resubmission carries its reason in the user webhook", async () => {
    const u = await signup("decide");
    await h.control.decideUser(u.userId, "pending_approval");
    rx.received.length = 0;
    const r = await h.api.post(`/_sandbox/users/${u.userId}/decision`, {
      status: "document_needs_resubmission",
      reason: "KTP photo is blurred",
    });
    expect(r.body).toMatchObject({ status: "document_needs_resubmission", statusReason: "KTP photo is blurred" });
    await h.control.settle();
    expect(rx.received.map((x) => x.body)).toContainEqual({
      resource: "user",
      resourceId: u.userId,
      accountId: u.accountId,
      status: "document_needs_resubmission",
      reason: "KTP photo is blurred",
    });
  });

  it("D20, D34: fundings on the plural paths (singular alias), with currency", async () => {
    const f = await h.control.topUp({ currency: "SGD", amount: 25 });
    const one = await h.api.get(`/v2/fundings/${f.id}`);
    expect(one.body).toMatchObject({ id: f.id, currency: "SGD", status: "completed" });
    expect((await h.api.get(`/v2/funding/${f.id}`)).body.id).toBe(f.id);
    expect((await h.api.get("/v2/fundings")).body.data.map((x: { id: string }) => x.id)).toContain(f.id);
  });
});

describe("second edition, strict mode and configured requirements", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox({
      strictLists: true,
      requirements: {
        detail: ["dateOfBirth", "gender", "employmentStatus"],
        cdd: [],
        documents: {
          individual: [{ group: "proof_of_address", types: ["utility_bill", "bank_statement"] }],
          company: [],
        },
      },
    });
  });
  afterAll(() => h.stop());
  const signup = async (tag: string, accountType = "individual") =>
    (await h.api.post("/v2/signup", person(unique(tag), accountType))).body;

  it("D29: strict mode accepts exactly the 18 document types", async () => {
    const u = await signup("strict-docs");
    const known = [
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
    ];
    for (const documentType of known) {
      const r = await h.api.post(`/v2/users/${u.userId}/documents`, { documentType, documentName: "f.pdf" });
      expect(r.status, documentType).toBe(200);
    }
    for (const documentType of ["selfie_with_id", "national_id"]) {
      const r = await h.api.post(`/v2/users/${u.userId}/documents`, { documentType, documentName: "f.pdf" });
      expect(r.status, documentType).toBe(400);
      expect(fieldsOf(r.body)).toEqual(["documentType"]);
    }
  });

  it("D28, D31: strict mode matches employment and business values exactly as written", async () => {
    const u = await signup("strict-emp");
    const ok = await h.api.patch(`/v2/users/${u.userId}/detail`, {
      employmentStatus: "Self-Employed",
      employmentPosition: "Mid-Level/Supervisory/Management",
      employmentIndustry: "Water/Utilities/Waste Management",
    });
    expect(ok.status).toBe(200);
    for (const [field, value] of [
      ["employmentStatus", "self-employed"],
      ["employmentPosition", "Owner "],
      ["employmentIndustry", "Information technology"],
    ]) {
      const r = await h.api.patch(`/v2/users/${u.userId}/detail`, { [field]: value });
      expect(r.status, value).toBe(400);
      expect(fieldsOf(r.body)).toEqual([field]);
    }
    const co = await signup("strict-bt", "company");
    for (const businessType of ["Trading/Retail/Wholesale", "trading", "it_services"]) {
      expect((await h.api.patch(`/v2/users/${co.userId}/company`, { businessType })).status, businessType).toBe(200);
    }
    expect((await h.api.patch(`/v2/users/${co.userId}/company`, { businessType: "Fintech" })).status).toBe(400);
  });

  it("§11.3: completeness follows the configured required fields and documents", async () => {
    const u = await signup("req");
    const d = await h.api.patch(`/v2/users/${u.userId}/detail`, { dateOfBirth: "1990-05-06" });
    expect(d.body.status).toEqual({ value: "incomplete", missingFields: ["gender", "employmentStatus"] });
    expect((await h.api.get(`/v2/users/${u.userId}/customer-due-diligence`)).body.status).toEqual({
      value: "completed",
      missingFields: [],
    });
    const done = await h.api.patch(`/v2/users/${u.userId}/detail`, { gender: "male", employmentStatus: "Student" });
    expect(done.body.status).toEqual({ value: "completed", missingFields: [] });
    const r = await h.api.post(`/v2/users/${u.userId}/screen`, { userId: u.userId });
    expect(r.body.missingFields).toEqual(["documents.proof_of_address"]);
    const bill = (
      await h.api.post(`/v2/users/${u.userId}/documents`, { documentType: "bank_statement", documentName: "b.pdf" })
    ).body;
    await upload(bill.uploadURL);
    expect((await h.api.post(`/v2/users/${u.userId}/screen`, { userId: u.userId })).body.status).toBe(
      "pending_approval",
    );
  });
});

describe("signup feature flags per partner", () => {
  it("a partner without the flags gets 400 NOT_AUTHORIZED until a flag is turned on; a provisioned partner with DEMO_PARTNER's features may sign up all three kinds", async () => {
    const h = await startSandbox({ partners: [{ ...DEMO_PARTNER, features: {} }] });
    try {
      const kinds = [
        ["/v2/signup", person(unique("f"))],
        ["/v2/signup/company-lite", { ...person(unique("lc")), companyName: "PT A" }],
        ["/v2/signup/individual-lite", person(unique("li"))],
      ] as const;
      for (const [path, body] of kinds) {
        const r = await h.api.post(path, body);
        expect([r.status, r.body.error_code]).toEqual([400, "NOT_AUTHORIZED"]);
      }
      await h.api.post("/_sandbox/features", { signupLiteIndividual: true });
      expect((await h.api.post(kinds[2][0], kinds[2][1])).status).toBe(200);
      expect((await h.api.post(kinds[0][0], kinds[0][1])).status).toBe(400);

      const creds = await h.control.provisionPartner({
        id: "tenant-x",
        name: "Tenant X",
        features: DEMO_PARTNER.features,
      });
      const t = await h.client(creds.apiKey).login(creds.accessKeyId, creds.secretAccessKey);
      for (const [path, body] of kinds) expect((await t.post(path, body)).status, path).toBe(200);
    } finally {
      await h.stop();
    }
  });
});
