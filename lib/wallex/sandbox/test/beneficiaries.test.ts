import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SG_BENEFICIARY } from "./data";
import { approvedMember, startSandbox, type Harness } from "./harness";

describe("beneficiaries and bank lookups", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.stop());

  const fields = async (q: string) =>
    (await h.api.get(`/v2/beneficiaries/requirements?${q}`)).body.data.map((r: { field: string }) => r.field);

  it("returns requirements that vary by entity type, currency and both countries", async () => {
    const ind = await fields("entityType=individual&currency=SGD&beneficiaryCountry=SG&bankCountry=SG");
    expect(ind).toEqual(expect.arrayContaining(["firstName", "lastName", "bankAccount.accountNumber"]));
    expect(ind).not.toContain("companyName");
    expect(await fields("entityType=company&currency=SGD&beneficiaryCountry=SG&bankCountry=SG")).toContain(
      "companyName",
    );
    expect(await fields("entityType=individual&currency=INR&beneficiaryCountry=IN&bankCountry=IN")).toContain(
      "bankAccount.routingCode",
    );
    expect(await fields("entityType=individual&currency=USD&beneficiaryCountry=SG&bankCountry=SG")).toContain(
      "bankAccount.bicSwift",
    );
    expect(await fields("entityType=company&currency=EUR&beneficiaryCountry=DE&bankCountry=DE")).toContain(
      "bankAccount.iban",
    );
    expect(await fields("entityType=company&currency=SGD&beneficiaryCountry=US&bankCountry=SG")).toEqual(
      expect.arrayContaining(["state", "postalCode"]),
    );
    expect(await fields("entityType=company&currency=SGD&beneficiaryCountry=MY&bankCountry=SG")).not.toContain("state");
    const cn = (
      await h.api.get(
        "/v2/beneficiaries/requirements?entityType=individual&currency=CNY&beneficiaryCountry=CN&bankCountry=CN",
      )
    ).body.data;
    expect(cn.find((r: { field: string }) => r.field === "bankAccount.bankName")).toMatchObject({
      enumSource: "china-banks",
    });
    expect(cn.find((r: { field: string }) => r.field === "bankAccount.accountNumber").regex).toBe("^[0-9]{12,19}$");
    const post = await h.api.post("/v2/beneficiaries/requirements", {
      entityType: "company",
      currency: "IDR",
      beneficiaryCountry: "ID",
      bankCountry: "ID",
    });
    expect(post.status).toBe(200);
    const bad = await h.api.get(
      "/v2/beneficiaries/requirements?entityType=alien&currency=XXX&beneficiaryCountry=ZZ&bankCountry=SG",
    );
    expect(Object.keys(bad.body.errors[0].message).sort()).toEqual(["beneficiaryCountry", "currency", "entityType"]);
  });

  it("creates, retrieves, lists and deletes beneficiaries, validated against the requirements", async () => {
    const created = await h.api.post("/v2/beneficiaries", SG_BENEFICIARY);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ beneficiaryId: created.body.id, type: "local", entityType: "company" });
    expect((await h.api.get(`/v2/beneficiaries/${created.body.id}`)).body.companyName).toBe("Lion Supplies Pte Ltd");
    expect((await h.api.get("/beneficiaries/v1/item/" + created.body.id)).body.data.id).toBe(created.body.id);
    expect((await h.api.get("/v2/beneficiaries?currency=SGD")).body.pagination.total).toBe(1);
    expect((await h.api.get("/v2/beneficiaries?currency=USD")).body.pagination.total).toBe(0);

    const missing = await h.api.post("/v2/beneficiaries", {
      ...SG_BENEFICIARY,
      companyName: undefined,
      bankAccount: { ...SG_BENEFICIARY.bankAccount, accountNumber: "12ab" },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.missingFields).toEqual(["companyName"]);
    expect(missing.body.errors[0].message["bankAccount.accountNumber"][0]).toMatch(/does not match/);
    const swift = await h.api.post("/v2/beneficiaries", {
      ...SG_BENEFICIARY,
      bankAccount: { ...SG_BENEFICIARY.bankAccount, currency: "USD", bicSwift: "HSBCHKHH" },
    });
    expect(swift.body.errors[0].message).toHaveProperty("bankAccount.bicSwift");
    expect(swift.body.errors[0].message).toHaveProperty("bankAccount.address");
    const cny = await h.api.post("/v2/beneficiaries", {
      entityType: "individual",
      firstName: "Li",
      lastName: "Wei",
      address: "1 Nanjing Rd",
      city: "Shanghai",
      country: "CN",
      nationalIdNumber: "11010519491231002X",
      bankAccount: {
        accountNumber: "6222020200112233445",
        bankAccountHolderName: "Li Wei",
        bankName: "Bank of Nowhere",
        country: "CN",
        currency: "CNY",
      },
    });
    expect(cny.body.errors[0].message["bankAccount.bankName"][0]).toMatch(/Bank of China/);
    expect(
      (
        await h.api.post("/v2/beneficiaries", {
          ...SG_BENEFICIARY,
          bankAccount: { ...SG_BENEFICIARY.bankAccount, currency: "ABC" },
        })
      ).body.message,
    ).toMatch(/currency/);

    const member = await approvedMember(h);
    expect((await h.api.get(`/v2/beneficiaries/${created.body.id}?onBehalfOfAccount=${member.accountId}`)).status).toBe(
      404,
    );
    const del = await h.api.del(`/v2/beneficiaries/${created.body.id}`);
    expect(del.body.id).toBe(created.body.id);
    expect((await h.api.get(`/v2/beneficiaries/${created.body.id}`)).status).toBe(404);
    const legacy = await h.api.post("/beneficiaries/v1/create", SG_BENEFICIARY);
    expect(legacy.body.data.beneficiaryId).toBeDefined();
    expect((await h.api.del(`/beneficiaries/v1/item/${legacy.body.data.id}`)).body.data.id).toBe(legacy.body.data.id);
  });

  it("validates beneficiaries with match scores and suggestions", async () => {
    const ok = await h.api.post("/v2/beneficiaries/validation", SG_BENEFICIARY);
    expect(ok.body).toMatchObject({ status: "match", overallScore: 100 });
    const mismatch = await h.api.post("/v2/beneficiaries/validation", {
      ...SG_BENEFICIARY,
      bankAccount: { ...SG_BENEFICIARY.bankAccount, bankAccountHolderName: "MISMATCH Co" },
    });
    expect(mismatch.body.status).toBe("no_match");
    expect(mismatch.body.results[0].suggestion).toBeDefined();
    const noAccount = await h.api.post("/v2/beneficiaries/validation", {
      ...SG_BENEFICIARY,
      bankAccount: { ...SG_BENEFICIARY.bankAccount, accountNumber: "1230000" },
    });
    expect(noAccount.body.results[1]).toMatchObject({ matchScore: 0, status: "no_match" });
  });

  it("validates SWIFT codes and lists China banks, states and cities", async () => {
    const dbs = await h.api.get("/v2/beneficiaries/swift/DBSSSGSGXXX");
    expect(dbs.body).toMatchObject({ bankName: "DBS Bank Ltd", country: "SG", valid: true });
    expect((await h.api.get("/v2/swift?swiftCode=CHASUS33")).body.city).toBe("New York");
    expect((await h.api.get("/v2/beneficiaries/swift/ABC")).status).toBe(400);
    expect((await h.api.get("/v2/beneficiaries/swift/ZZZZSGSG")).status).toBe(404);
    expect((await h.api.get("/v2/beneficiaries/china-banks")).body.data.map((b: { name: string }) => b.name)).toContain(
      "Bank of China",
    );
    expect((await h.api.get("/v2/beneficiaries/states?country=ID")).body.data[0]).toMatchObject({
      code: "JK",
      name: "DKI Jakarta",
    });
    expect((await h.api.get("/v2/beneficiaries/states?country=QQ")).status).toBe(400);
    expect(
      (await h.api.get("/v2/beneficiaries/cities?country=CN&state=GD")).body.data.map((c: { name: string }) => c.name),
    ).toContain("Shenzhen");
    expect((await h.api.get("/v2/beneficiaries/cities?country=CN&state=XX")).status).toBe(400);
  });
});
