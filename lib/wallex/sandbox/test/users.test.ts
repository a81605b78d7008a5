import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Harness } from "./harness";

const individual = (email: string) => ({
  email,
  firstName: "Mei",
  lastName: "Tan",
  countryCode: "SG",
  accountType: "individual",
});

describe("users, documents and screening", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.stop());

  it("signs up full, lite company and lite individual members", async () => {
    const full = await h.api.post("/v2/signup", individual("full@example.com"));
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({
      email: "full@example.com",
      status: "draft",
      accountType: "individual",
      kycLevel: "regular",
    });
    expect(full.body.id).toBe(full.body.userId);
    expect(full.body.accountId).toMatch(/^[0-9a-f-]{36}$/);
    expect(full.body.registrationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const lc = await h.api.post("/v2/signup/company-lite", {
      email: "lc@example.com",
      firstName: "A",
      lastName: "B",
      countryCode: "ID",
      companyName: "PT Maju",
    });
    expect(lc.body).toMatchObject({ accountType: "company", kycLevel: "lite", status: "pending_approval" });
    const li = await h.api.post("/v2/signup/lite/individual", {
      email: "li@example.com",
      firstName: "A",
      lastName: "B",
      countryCode: "ID",
    });
    expect(li.body).toMatchObject({ accountType: "individual", kycLevel: "lite", status: "pending_approval" });
  });

  it("validates signup bodies field by field", async () => {
    const r = await h.api.post("/v2/signup", {
      email: "not-an-email",
      firstName: "",
      countryCode: "XX",
      accountType: "robot",
    });
    expect(r.status).toBe(400);
    const fields = Object.keys(r.body.errors[0].message);
    expect(fields).toEqual(expect.arrayContaining(["email", "firstName", "lastName", "countryCode", "accountType"]));
    expect(r.body.missingFields).toContain("lastName");
    const company = await h.api.post("/v2/signup", { ...individual("co@example.com"), accountType: "company" });
    expect(company.body.errors[0].message.companyName).toBeDefined();
    const pw = await h.api.post("/v2/signup", { ...individual("pw@example.com"), password: "short" });
    expect(pw.body.message).toMatch(/at least/);
    const dup = await h.api.post("/v2/signup", individual("FULL@example.com"));
    expect(dup.status).toBe(400);
    expect(dup.body.message).toMatch(/already exists/);
  });

  it("lists users newest first and retrieves one; other ids are 404", async () => {
    const list = await h.api.get("/v2/users");
    const emails = list.body.data.map((u: { email: string }) => u.email);
    expect(emails.indexOf("li@example.com")).toBeLessThan(emails.indexOf("full@example.com"));
    expect((await h.api.get(`/v2/users/${list.body.data[0].id}`)).body.email).toBe(list.body.data[0].email);
    expect((await h.api.get(`/v2/users/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await h.api.get("/v2/users?status=pending_approval")).body.data).toHaveLength(2);
  });

  it("serves entity types, products usage, business types and countries", async () => {
    for (const p of ["/v2/users/entity-types", "/v2/users/products-usage", "/v2/utils/business-types"]) {
      const r = await h.api.get(p);
      expect(r.body.data[0]).toEqual({ key: expect.any(String), description: expect.any(String) });
      expect(r.body.pagination.total).toBe(r.body.data.length);
    }
    const countries = await h.api.get("/v2/utils/countries");
    expect(countries.body.data).toContainEqual({ code: "SG", name: "Singapore" });
    expect(countries.body.pagination.total).toBe(249);
  });

  it("runs the whole onboarding: sections, documents, screening, decisions", async () => {
    const u = (
      await h.api.post("/v2/signup", {
        ...individual("onboard@example.com"),
        accountType: "company",
        companyName: "Acme Pte Ltd",
      })
    ).body;
    const early = await h.api.post(`/v2/users/${u.userId}/screen`);
    expect(early.status).toBe(400);
    expect(early.body.missingFields).toEqual(
      expect.arrayContaining([
        "detail.dateOfBirth",
        "company.registrationNumber",
        "customerDueDiligence.entityType",
        "documents.company_proof",
      ]),
    );

    const d1 = await h.api.patch(`/v2/users/${u.userId}/detail`, { dateOfBirth: "1990-01-02", nationality: "SG" });
    expect(d1.body.status).toEqual({
      value: "incomplete",
      missingFields: ["identificationType", "identificationNumber", "residentialAddress"],
    });
    const d2 = await h.api.patch(`/v2/users/${u.userId}/detail`, {
      identificationType: "passport",
      identificationNumber: "E1234567",
      residentialAddress: "1 Raffles Place",
    });
    expect(d2.body).toMatchObject({ dateOfBirth: "02-01-1990", status: { value: "completed", missingFields: [] } });
    expect((await h.api.get(`/v2/users/${u.userId}/detail`)).body.nationality).toBe("SG");
    expect((await h.api.patch(`/v2/users/${u.userId}/detail`, { dateOfBirth: "02/01/1990" })).status).toBe(400);
    expect(
      (await h.api.patch(`/v2/users/${u.userId}/detail`, { nationality: 12 })).body.errors[0].message.nationality,
    ).toBeDefined();

    const co = await h.api.patch(`/v2/users/${u.userId}/company`, {
      registrationNumber: "201912345K",
      countryOfIncorporation: "SG",
      businessType: "trading",
      companyAddress: "2 Shenton Way",
    });
    expect(co.body).toMatchObject({
      accountId: u.accountId,
      companyName: "Acme Pte Ltd",
      status: { value: "completed" },
    });
    expect((await h.api.patch(`/v2/users/${u.userId}/company`, { registrationNumber: "1" })).status).toBe(400);
    const cdd = await h.api.patch(`/v2/users/${u.userId}/cdd`, {
      entityType: "private_limited_company",
      productsUsage: ["payments"],
      sourceOfFunds: "revenue",
    });
    expect(cdd.body).toMatchObject({ sourceOfFunds: "revenue", status: { value: "completed" } });
    expect((await h.api.get(`/v2/users/${u.userId}/customer-due-diligence`)).body.entityType).toBe(
      "private_limited_company",
    );
    expect((await h.api.patch(`/v2/users/${u.userId}/customer-due-diligence`, { entityType: "alien" })).status).toBe(
      400,
    );

    const created = [];
    for (const documentType of ["company_proof", "passport", "residence_proof"]) {
      const d = await h.api.post(`/v2/users/${u.userId}/documents`, {
        documentType,
        documentName: `${documentType}.PDF`,
      });
      expect(d.body).toMatchObject({ documentType, documentName: `${documentType}.pdf`, status: "pending_upload" });
      created.push(d.body);
    }
    const stillMissing = await h.api.post(`/v2/users/${u.userId}/screen`, { userId: u.userId });
    expect(stillMissing.body.missingFields).toEqual(["documents.company_proof", "documents.identity"]);

    const bytes = Buffer.from("%PDF-1.4 fake");
    for (const d of created.slice(0, 2)) {
      const put = await fetch(d.uploadURL, {
        method: "PUT",
        body: bytes,
        headers: { "content-type": "application/pdf", "x-amz-storage-class": "STANDARD" },
      });
      expect(put.status).toBe(200);
    }
    const tampered = await fetch(created[2].uploadURL.replace(/Signature=[0-9a-f]+/, "Signature=deadbeef"), {
      method: "PUT",
      body: bytes,
      headers: { "content-type": "application/pdf" },
    });
    expect(tampered.status).toBe(403);
    const wrongType = await fetch(created[2].uploadURL, {
      method: "PUT",
      body: bytes,
      headers: { "content-type": "text/plain" },
    });
    expect(wrongType.status).toBe(400);

    const doc = await h.api.get(`/v2/users/${u.userId}/documents/${created[0].id}`);
    expect(doc.body).toMatchObject({ status: "uploaded", size: bytes.length });
    expect(Buffer.from(await (await fetch(doc.body.downloadURL)).arrayBuffer())).toEqual(bytes);
    expect((await h.api.get(`/v2/users/${u.userId}/documents`)).body.pagination.total).toBe(3);
    expect((await h.api.del(`/v2/users/${u.userId}/documents/${created[2].id}`)).body.id).toBe(created[2].id);
    expect((await h.api.get(`/v2/users/${u.userId}/documents/${created[2].id}`)).status).toBe(404);

    const screened = await h.api.post(`/v2/users/${u.userId}/screen`);
    expect(screened.body.status).toBe("pending_approval");
    expect((await h.api.post(`/v2/users/${u.userId}/screen`)).status).toBe(400);
    expect((await h.api.del(`/v2/users/${u.userId}/documents/${created[0].id}`)).status).toBe(400);

    const resubmit = await h.api.post(`/_sandbox/users/${u.userId}/decision`, {
      status: "document_needs_resubmission",
      reason: "blurry passport",
    });
    expect(resubmit.body.status).toBe("document_needs_resubmission");
    expect((await h.api.post(`/v2/users/${u.userId}/screen`)).body.status).toBe("pending_approval");
    expect((await h.api.post(`/_sandbox/users/${u.userId}/decision`, { status: "approved" })).body.status).toBe(
      "approved",
    );
    expect((await h.api.post(`/_sandbox/users/${u.userId}/decision`, { status: "pending_approval" })).status).toBe(400);
    expect((await h.api.post(`/_sandbox/users/${u.userId}/decision`, { status: "closed" })).body.status).toBe("closed");
  });

  it("withdraws and terminates through the helpers", async () => {
    const a = (await h.api.post("/v2/signup", individual("w@example.com"))).body;
    expect((await h.api.post(`/_sandbox/users/${a.userId}/decision`, { status: "withdrawn" })).body.status).toBe(
      "withdrawn",
    );
    const b = (await h.api.post("/v2/signup", individual("t@example.com"))).body;
    await h.control.decideUser(b.userId, "pending_approval");
    expect((await h.control.decideUser(b.userId, "terminated", "fraud")).statusReason).toBe("fraud");
  });
});
