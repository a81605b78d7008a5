import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { z } from "zod";
import { endpoint } from "../endpoints/define";
import { WallexInvalidRequestError } from "../errors";
import { DOCUMENT_TYPES } from "../kyc-lists";
import { money } from "../schemas/common";
import { approvedMember, setup, SG_BENEFICIARY, type Setup } from "./setup";

describe("contract with the sandbox, one representative call per area", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });
  afterAll(() => s.close());

  it("authenticates with X-Api-Key only, then sends X-Api-Key + Bearer token + X-Request-ID", async () => {
    await s.client.currencies.list();
    const [auth, list] = s.sent;
    expect(auth.url.pathname).toBe("/v2/authenticate");
    expect(auth.headers.get("x-api-key")).toBe(s.options.apiKey);
    expect(auth.headers.get("authorization")).toBeNull();
    expect(auth.body).toEqual({ accessKeyId: s.options.accessKeyId, secretAccessKey: s.options.secretAccessKey });
    expect(list.headers.get("authorization")).toMatch(/^Bearer \S+$/);
    expect(list.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("users: signup, list, retrieve, detail, documents, screening lists", async () => {
    const u = await s.client.users.signup({
      body: {
        email: "ana@example.com",
        firstName: "Ana",
        lastName: "Lim",
        countryCode: "SG",
        accountType: "individual",
      },
    });
    expect(u).toMatchObject({ id: u.userId, status: "draft", email: "ana@example.com" });
    const list = await s.client.users.list({ query: { limit: 5 } });
    expect(list.data.map((x) => x.id)).toContain(u.id);
    expect(list.pagination).toMatchObject({ page: 1, limit: 5 });
    expect(await s.client.users.retrieve({ userId: u.id })).toMatchObject({ id: u.id });
    const detail = await s.client.users.retrieveDetail({ userId: u.id });
    expect(detail.status?.missingFields).toContain("dateOfBirth");
    const doc = await s.client.users.createDocument({
      userId: u.id,
      body: { documentType: "passport", documentName: "passport.pdf" },
    });
    expect(doc.uploadURL).toMatch(/^http/);
    await s.client.uploadFile(doc.uploadURL!, new TextEncoder().encode("%PDF-1.4 test"), "application/pdf");
    expect((await s.client.users.listDocuments({ userId: u.id })).data).toHaveLength(1);
    expect((await s.client.users.listEntityTypes()).data.length).toBeGreaterThan(0);
    expect((await s.client.utils.listCountries()).data.some((c) => c.code === "SG")).toBe(true);
  });

  it("users: PATCH a KYC section; DELETE a beneficiary on behalf of a member (id in the query)", async () => {
    const member = await approvedMember(s);
    const detail = await s.client.users.updateDetail({
      userId: member.userId,
      body: { dateOfBirth: "1990-04-01", nationality: "SG" },
    });
    expect(detail.status?.missingFields ?? []).not.toContain("dateOfBirth");
    expect(s.sent.at(-1)!.method).toBe("PATCH");
    const b = await s.client.beneficiaries.create(
      { body: SG_BENEFICIARY },
      { onBehalfOf: { account: member.accountId } },
    );
    const gone = await s.client.beneficiaries.delete(
      { beneficiaryId: b.id },
      { onBehalfOf: { account: member.accountId } },
    );
    expect(gone.id).toBe(b.id);
    const del = s.sent.at(-1)!;
    expect([del.method, del.url.searchParams.get("onBehalfOfAccount"), del.body]).toEqual([
      "DELETE",
      member.accountId,
      undefined,
    ]);
  });

  it("currencies and rates: amounts and rates come back as decimal strings", async () => {
    const rate = await s.client.currencies.rates({ query: { sellCurrency: "USD", buyCurrency: "SGD" } });
    expect(rate.sellCurrency).toBe("USD");
    expect(typeof rate.rate).toBe("string");
    expect(rate.rate).toMatch(/^\d+\.\d+$/);
  });

  it("balances, history, beneficiaries, payment quote → create → fund → retrieve", async () => {
    await s.control.topUp({ currency: "USD", amount: 100000 });
    const usd = await s.client.balances.retrieveByCurrency({ currency: "USD" });
    expect(usd.amount).toBe("100000");
    const b = await s.client.beneficiaries.create({ body: SG_BENEFICIARY });
    expect(b).toMatchObject({ id: b.beneficiaryId, type: "local" });
    expect((await s.client.beneficiaries.list({ query: { currency: "SGD" } })).data.map((x) => x.id)).toContain(b.id);
    const reqs = await s.client.beneficiaries.requirements({
      query: { currency: "SGD", beneficiaryCountry: "SG", bankCountry: "SG", entityType: "company" },
    });
    expect(reqs.data.some((r) => r.field === "nickname")).toBe(true);

    const q = await s.client.payments.quote({ body: { sellCurrency: "USD", amount: "1000.00", beneficiaryId: b.id } });
    expect(q).toMatchObject({ buyCurrency: "SGD", buyAmount: "1000" });
    const p = await s.client.payments.create({
      body: {
        quoteId: q.quoteId,
        purposeOfTransfer: "goods_purchase",
        paymentReference: "INV 1",
        fundingSource: "wallet",
      },
    });
    expect(p).toMatchObject({ id: p.simplePaymentId, status: "awaiting_funds", totalAmount: q.totalAmount });
    const funded = await s.client.payments.fund({ simplePaymentId: p.id });
    expect(funded.status).toBe("under_review");
    expect((await s.client.payments.retrieve({ simplePaymentId: p.id })).status).toBe("under_review");
    const after = await s.client.balances.retrieveByCurrency({ currency: "USD" });
    expect(after.amount).toBe(new Decimal("100000").minus(q.totalAmount!).toFixed());
    const history = await s.client.balances.listHistory({ query: { relatedEntityId: p.id } });
    expect(history.data[0]).toMatchObject({ type: "payment", direction: "debit", amount: q.totalAmount });
  });

  it("conversions: quote → create → fund", async () => {
    const q = await s.client.conversions.quote({
      body: { sellCurrency: "USD", buyCurrency: "SGD", amount: 100, fixedSide: "sell" },
    });
    expect(q.sellAmount).toBe("100");
    const c = await s.client.conversions.create({ body: { quoteId: q.quoteId } });
    expect(c).toMatchObject({ id: c.conversionId, status: "awaiting_funds" });
    expect((await s.client.conversions.fund({ conversionId: c.id })).status).toBe("processing");
    expect((await s.client.conversions.list()).data.map((x) => x.id)).toContain(c.id);
  });

  it("collections: virtual account, incoming collection, deactivate; collection requests", async () => {
    const ccy = await s.client.collections.currencies();
    expect(ccy.data.some((c) => c.currency === "SGD")).toBe(true);
    const va = await s.client.collections.createAccount({ body: { name: "Main SGD", currency: "SGD" } });
    expect(va.status).toBe("active");
    await s.control.creditCollection({ collectionAccountId: va.id, amount: 50 });
    const cols = await s.client.collections.list({ query: { collectionAccountId: va.id } });
    expect(cols.data[0]).toMatchObject({ amountOrigin: "50", amount: "49.9", status: "completed" });
    await s.client.collections.deactivateAccounts({ body: { ids: [va.id] } });
    expect((await s.client.collections.retrieveAccount({ collectionAccountId: va.id })).status).toBe("inactive");
    const code = (await s.client.collectionRequests.purposeCodes()).data[0].code!;
    const cr = await s.client.collectionRequests.create({
      body: {
        amount: "100.50",
        currency: "SGD",
        settlementCurrency: "USD",
        purposeCode: code,
        payer: { name: "Buyer Co" },
      },
    });
    expect(cr).toMatchObject({ amount: "100.5", status: "pending" });
    expect((await s.client.collectionRequests.cancel({ collectionRequestId: cr.id })).status).toBe("cancel");
  });

  it("funding, deductions, internal transfers on behalf of nobody and of a member", async () => {
    const member = await approvedMember(s);
    const f = await s.client.funding.list({ query: { currency: "USD" } });
    expect(f.data[0]).toMatchObject({ type: "bank_transfer", status: "completed" });
    await s.control.deduct({ currency: "USD", amount: 1 });
    expect((await s.client.deductions.list()).data[0]).toMatchObject({ amount: "1", status: "completed" });
    const t = await s.client.transfers.create({
      body: {
        receiverAccountId: member.accountId,
        amount: "10.25",
        currency: "USD",
        purposesOfTransfer: "family_support",
      },
    });
    expect(t).toMatchObject({ amount: "10.25", receiverAccountId: member.accountId });
    expect((await s.client.transfers.retrieve({ transferId: t.id })).id).toBe(t.id);
  });

  it("webhooks: update then retrieve the subscription", async () => {
    const sub = await s.client.webhooks.update({
      body: { url: "https://desk.example.com/api/webhooks/wallex/p1", headers: { "X-Desk-Secret": "s3cret" } },
    });
    expect(sub.url).toBe("https://desk.example.com/api/webhooks/wallex/p1");
    expect((await s.client.webhooks.retrieve()).headers).toEqual({ "X-Desk-Secret": "s3cret" });
  });

  it("onBehalfOf goes in the query for GET and in the body for POST", async () => {
    const member = await approvedMember(s);
    await s.control.topUp({ currency: "USD", amount: 500, accountId: member.accountId });
    const list = await s.client.balances.list({}, { onBehalfOf: { account: member.accountId } });
    expect(list.data.map((b) => b.amount)).toEqual(["500"]);
    const get = s.sent.at(-1)!;
    expect(get.url.searchParams.get("onBehalfOfAccount")).toBe(member.accountId);
    const q = await s.client.conversions.quote(
      { body: { sellCurrency: "USD", buyCurrency: "SGD", amount: 10 } },
      { onBehalfOf: { user: member.userId } },
    );
    expect(q.accountId).toBe(member.accountId);
    expect(s.sent.at(-1)!.body).toMatchObject({ onBehalfOfUser: member.userId, amount: 10 });
    const c = await s.client.conversions.create(
      { body: { quoteId: q.quoteId } },
      { onBehalfOf: { user: member.userId } },
    );
    await s.client.conversions.fund({ conversionId: c.id }, { onBehalfOf: { account: member.accountId } });
    expect(s.sent.at(-1)!.body).toEqual({ onBehalfOfAccount: member.accountId });
    await expect(s.client.balances.list({}, { onBehalfOf: { user: "" } })).rejects.toThrow(TypeError);
  });

  it("logout revokes the token; the next call authenticates again", async () => {
    const before = s.auths();
    await s.client.logout();
    expect(s.sent.at(-1)!.url.pathname).toBe("/v2/logout");
    await s.client.currencies.list();
    expect(s.auths()).toBe(before + 1);
  });

  it("request() calls an ad-hoc endpoint through the same pipeline (e.g. trying an alias path)", async () => {
    const alias = endpoint({
      method: "GET",
      path: "/v2/rates",
      query: z.object({ sellCurrency: z.string(), buyCurrency: z.string() }),
      response: z.looseObject({ rate: money }),
    });
    const r = await s.client.request(
      alias,
      { query: { sellCurrency: "USD", buyCurrency: "SGD" } },
      { operation: "currencies.ratesAlias" },
    );
    expect(r.rate).toMatch(/^\d+\.\d+$/);
    expect(s.logs.at(-1)).toMatchObject({ operation: "currencies.ratesAlias", status: 200 });
  });
});

describe("contract, second edition (README 'Changes since the first edition')", () => {
  let s: Setup;
  /** Answers the next request to `path` with `body` instead of the sandbox (peer-code shapes). */
  let fake: { path: RegExp; body: unknown } | undefined;
  beforeAll(async () => {
    s = await setup({
      intercept: (req) => {
        if (!fake || !fake.path.test(new URL(req.url).pathname)) return undefined;
        const body = fake.body;
        fake = undefined;
        return Response.json(body);
      },
    });
  });
  afterAll(() => s.close());
  const signup = (accountType: "individual" | "company" = "individual") =>
    s.client.users.signup({
      body: {
        email: `se-${crypto.randomUUID().slice(0, 8)}@example.com`,
        firstName: "Budi",
        lastName: "Santoso",
        countryCode: "ID",
        accountType,
        ...(accountType === "company" ? { companyName: "PT Budi" } : {}),
      },
    });
  const last = () => s.sent.at(-1)!;

  it("D21: date-only fields leave as dd-MM-yyyy whatever we pass; impossible dates never leave", async () => {
    const u = await signup();
    const d = await s.client.users.updateDetail({
      userId: u.id,
      body: { dateOfBirth: "1990-01-31", issueDate: "29-02-2020", expiryDate: "2030-12-01" },
    });
    expect(last().body).toEqual({ dateOfBirth: "31-01-1990", issueDate: "29-02-2020", expiryDate: "01-12-2030" });
    expect(d).toMatchObject({ dateOfBirth: "31-01-1990", expiryDate: "01-12-2030" });
    const sent = s.sent.length;
    for (const bad of ["1990-02-30", "31-13-1990", "1990/01/31"]) {
      const err = await s.client.users.updateDetail({ userId: u.id, body: { dateOfBirth: bad } }).catch((e) => e);
      expect(err).toBeInstanceOf(WallexInvalidRequestError);
      expect(Object.keys(err.fieldErrors)).toEqual(["dateOfBirth"]);
    }
    expect(s.sent.length).toBe(sent);

    const co = await signup("company");
    await s.client.users.updateCompany({ userId: co.id, body: { incorporationDate: "2015-07-01" } });
    expect(last().body).toEqual({ incorporationDate: "01-07-2015" });
    await s.client.users.signupLiteIndividual({
      body: {
        email: "lite-se@example.com",
        firstName: "A",
        lastName: "B",
        countryCode: "SG",
        dateOfBirth: "1985-03-04",
      },
    });
    expect(last().body).toMatchObject({ dateOfBirth: "04-03-1985" });
  });

  it("D25, D35: nric | passport, male | female, individual | company, alpha-2 countries; other values never leave", async () => {
    const u = await signup();
    await s.client.users.updateDetail({
      userId: u.id,
      body: { identificationType: "nric", gender: "male", nationality: "SG" },
    });
    expect(last().body).toEqual({ identificationType: "nric", gender: "male", nationality: "SG" });
    const sent = s.sent.length;
    const refused = [
      () => s.client.users.updateDetail({ userId: u.id, body: { identificationType: "national_id" as "nric" } }),
      () => s.client.users.updateDetail({ userId: u.id, body: { gender: "Male" as "male" } }),
      () => s.client.users.updateDetail({ userId: u.id, body: { nationality: "sg" } }),
      () =>
        s.client.users.signup({
          body: {
            email: "b@example.com",
            firstName: "A",
            lastName: "B",
            countryCode: "SG",
            accountType: "business" as "company",
          },
        }),
    ];
    for (const call of refused) await expect(call()).rejects.toBeInstanceOf(WallexInvalidRequestError);
    expect(s.sent.length).toBe(sent);
  });

  it("D27, D28, D31: business types and employment values go verbatim, as the listing spells them", async () => {
    const types = await s.client.utils.listBusinessTypes();
    const trading = types.data.find((t) => t.key === "Trading/Retail/Wholesale")!;
    expect(trading).toBeDefined();
    const co = await signup("company");
    const r = await s.client.users.updateCompany({ userId: co.id, body: { businessType: trading.key! } });
    expect(last().body).toEqual({ businessType: "Trading/Retail/Wholesale" });
    expect(r.businessType).toBe("Trading/Retail/Wholesale");
    const u = await signup();
    await s.client.users.updateDetail({
      userId: u.id,
      body: { employmentStatus: "Self-Employed", employmentIndustry: "Medical & Health" },
    });
    expect(last().body).toEqual({ employmentStatus: "Self-Employed", employmentIndustry: "Medical & Health" });
  });

  it("D29: any of the 18 document types is sent as is; a re-cased one never leaves", async () => {
    const u = await signup();
    for (const documentType of DOCUMENT_TYPES) {
      const d = await s.client.users.createDocument({ userId: u.id, body: { documentType, documentName: "f.pdf" } });
      expect(d.documentType).toBe(documentType);
    }
    expect(DOCUMENT_TYPES).toHaveLength(18);
    await expect(
      s.client.users.createDocument({ userId: u.id, body: { documentType: "Passport", documentName: "p.pdf" } }),
    ).rejects.toBeInstanceOf(WallexInvalidRequestError);
  });

  it("D26: Document Delete reads documentId, or id when only that comes back", async () => {
    const u = await signup();
    const d = await s.client.users.createDocument({
      userId: u.id,
      body: { documentType: "passport", documentName: "p.pdf" },
    });
    const gone = await s.client.users.deleteDocument({ userId: u.id, documentId: d.id });
    expect(gone).toEqual({ id: d.id, documentId: d.id, documentType: "passport", documentName: "p.pdf" });
    expect(last().url.pathname).toBe(`/v2/users/${u.id}/documents/${d.id}`);
    const peerId = crypto.randomUUID();
    fake = { path: /\/documents\//, body: { documentId: peerId, documentType: "ktp", documentName: "k.jpg" } };
    expect((await s.client.users.deleteDocument({ userId: u.id, documentId: peerId })).documentId).toBe(peerId);
    fake = { path: /\/documents\//, body: { id: peerId, documentType: "ktp", documentName: "k.jpg" } };
    expect((await s.client.users.deleteDocument({ userId: u.id, documentId: peerId })).documentId).toBe(peerId);
  });

  it("D30: screening sends {userId} and reads status; a 400 carries missingFields", async () => {
    const u = await signup();
    const err = await s.client.users.screen({ userId: u.id, body: { userId: u.id } }).catch((e) => e);
    expect(last().body).toEqual({ userId: u.id });
    expect(err).toBeInstanceOf(WallexInvalidRequestError);
    expect(err.missingFields).toEqual(expect.arrayContaining(["detail.dateOfBirth", "documents.identity"]));
    fake = { path: /\/screen$/, body: { status: "pending_approval" } };
    expect(await s.client.users.screen({ userId: u.id, body: { userId: u.id } })).toMatchObject({
      status: "pending_approval",
    });
  });

  it("D20, D34: fundings on the plural paths, with currency", async () => {
    const f = await s.control.topUp({ currency: "SGD", amount: 12 });
    const list = await s.client.funding.list();
    expect(last().url.pathname).toBe("/v2/fundings");
    expect(list.data.find((x) => x.id === f.id)).toMatchObject({ currency: "SGD", amount: "12" });
    expect(await s.client.funding.retrieve({ fundingId: f.id })).toMatchObject({
      currency: "SGD",
      status: "completed",
    });
    expect(last().url.pathname).toBe(`/v2/fundings/${f.id}`);
  });
});
