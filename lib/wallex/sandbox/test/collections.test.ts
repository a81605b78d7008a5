import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvedMember, startSandbox, type Harness } from "./harness";

describe("collections and collection requests", () => {
  let h: Harness;
  let member: { accountId: string; userId: string };
  beforeAll(async () => {
    h = await startSandbox();
    member = await approvedMember(h);
  });
  afterAll(() => h.stop());

  it("lists available currencies with providers", async () => {
    const r = await h.api.get("/v2/collections/currencies");
    expect(
      r.body.data
        .find((c: { currency: string }) => c.currency === "USD")
        .providers.map((p: { provider: string }) => p.provider),
    ).toEqual(["US_ACH", "SWIFT"]);
    expect((await h.api.get("/v2/collections/supported-currencies")).body.pagination.total).toBe(
      r.body.pagination.total,
    );
  });

  it("creates, retrieves, lists and deactivates virtual accounts", async () => {
    const va = await h.api.post("/v2/collections/accounts", {
      onBehalfOfUser: member.userId,
      name: "USD receipts",
      currency: "USD",
      provider: "SWIFT",
      reference: "r1",
    });
    expect(va.status).toBe(200);
    expect(va.body).toMatchObject({
      status: "active",
      currency: "USD",
      provider: "SWIFT",
      accountId: member.accountId,
    });
    expect(va.body.bankDetails[0]).toMatchObject({
      paymentType: "swift",
      accountHolderName: "Mei Tan",
      accountNumber: expect.stringMatching(/^\d{12}$/),
    });
    expect(
      (await h.api.get(`/v2/collections/accounts/${va.body.id}?onBehalfOfAccount=${member.accountId}`)).body.id,
    ).toBe(va.body.id);
    expect((await h.api.get(`/v2/collections/accounts/${va.body.id}`)).status).toBe(404);
    expect(
      (await h.api.get(`/v2/collections/accounts?onBehalfOfAccount=${member.accountId}&currency=USD`)).body.pagination
        .total,
    ).toBe(1);
    const bad = await h.api.post("/v2/collections/accounts", {
      onBehalfOfUser: member.userId,
      name: "",
      currency: "JPY",
      provider: "X",
    });
    expect(Object.keys(bad.body.errors[0].message)).toEqual(expect.arrayContaining(["name", "currency"]));
    expect(
      (
        await h.api.post("/v2/collections/accounts", {
          onBehalfOfUser: member.userId,
          name: "x",
          currency: "USD",
          provider: "NOPE",
        })
      ).body.message,
    ).toMatch(/provider/);

    const second = await h.api.post("/v2/collections/accounts", {
      onBehalfOfUser: member.userId,
      name: "SGD",
      currency: "SGD",
    });
    const off = await h.api.post("/v2/collections/accounts/deactivate", {
      onBehalfOfAccount: member.accountId,
      collectionAccountIds: [second.body.id],
    });
    expect(off.body.collectionAccounts[0].status).toBe("inactive");
    const refused = await h.api.post("/_sandbox/collections", { collectionAccountId: second.body.id, amount: 10 });
    expect(refused.status).toBe(400);
    expect((await h.api.post("/v2/collections/accounts/deactivate", { ids: [] })).status).toBe(400);
  });

  it("credits incoming collections to the balance and serves them", async () => {
    const va = (
      await h.api.post("/v2/collections/accounts", {
        onBehalfOfAccount: member.accountId,
        name: "IDR",
        currency: "IDR",
      })
    ).body;
    const col = await h.api.post("/_sandbox/collections", {
      collectionAccountId: va.id,
      amount: 1000000,
      senderName: "PT Pembeli",
      reference: "INV-9",
    });
    expect(col.body).toMatchObject({
      status: "completed",
      amountOrigin: 1000000,
      fee: 2000,
      amount: 998000,
      currency: "IDR",
      collectionAccountId: va.id,
    });
    expect(col.body.creditedAt).toBeTruthy();
    expect((await h.api.get(`/v2/balances/IDR?onBehalfOfAccount=${member.accountId}`)).body.amount).toBe(998000);
    expect(
      (await h.api.get(`/v2/collections/${col.body.id}?onBehalfOfAccount=${member.accountId}`)).body.sender.name,
    ).toBe("PT Pembeli");
    expect(
      (await h.api.get(`/v2/collections?onBehalfOfAccount=${member.accountId}&collectionAccountId=${va.id}`)).body
        .pagination.total,
    ).toBe(1);
    const up = await h.api.post(`/v2/collections/${col.body.id}/upload-url`, {
      onBehalfOfAccount: member.accountId,
      fileName: "proof.pdf",
    });
    expect(up.body).toMatchObject({ uploadURL: expect.any(String), fileId: expect.any(String) });
    expect(
      (await fetch(up.body.uploadURL, { method: "PUT", body: "%PDF", headers: { "content-type": "application/pdf" } }))
        .status,
    ).toBe(200);
    expect(
      (await h.api.post(`/v2/collections/${col.body.id}/upload-url`, { onBehalfOfAccount: member.accountId })).status,
    ).toBe(400);

    const rejected = await h.api.post("/_sandbox/collections", {
      collectionAccountId: va.id,
      amount: 5000,
      senderName: "REJECT Corp",
    });
    expect(rejected.body.status).toBe("rejected");
    const pending = await h.api.post("/_sandbox/collections", {
      collectionAccountId: va.id,
      amount: 5000,
      complete: false,
    });
    expect(pending.body.status).toBe("pending");
    expect((await h.api.post(`/_sandbox/collections/${pending.body.id}/settle`, {})).body.status).toBe("completed");
    expect((await h.api.get(`/v2/balances/IDR?onBehalfOfAccount=${member.accountId}`)).body.amount).toBe(998000 + 4990);
  });

  it("runs collection requests: purpose codes, create, retrieve, list, cancel, paid with conversion", async () => {
    expect((await h.api.get("/v2/collection-requests/purpose-codes")).body.data[0]).toMatchObject({ code: "GDS" });
    const body = {
      amount: 150000,
      currency: "IDR",
      settlementCurrency: "SGD",
      purposeCode: "INV",
      reference: "BILL-1",
      payer: { name: "Budi", country: "ID" },
    };
    const cr = await h.api.post("/v2/collection-requests", body);
    expect(cr.body).toMatchObject({ status: "pending", paidAmount: 0, virtualAccount: { currency: "IDR" } });
    const paid = await h.api.post(`/v2/collection-requests/${cr.body.id}/paid`);
    expect(paid.body.status).toBe("full_paid");
    expect(paid.body.settlementAmount).toBeGreaterThan(12);
    expect(paid.body.settlementAmount).toBeLessThan(14);
    expect((await h.api.get("/v2/balances/SGD")).body.amount).toBe(paid.body.settlementAmount);
    expect((await h.api.post(`/v2/collection-requests/${cr.body.id}/cancel`)).status).toBe(400);
    expect((await h.api.get(`/v2/collections?collectionRequestId=${cr.body.id}`)).body.data[0]).toMatchObject({
      currency: "SGD",
      currencyOrigin: "IDR",
    });

    const partial = (await h.api.post("/v2/collection-requests", body)).body;
    expect((await h.api.post(`/_sandbox/collection-requests/${partial.id}/pay`, { amount: 50000 })).body.status).toBe(
      "partial_paid",
    );
    const cancelled = await h.api.call("PATCH", `/v2/collection-requests/${partial.id}/cancel`);
    expect(cancelled.body.status).toBe("cancel");
    expect((await h.api.get(`/v2/collection-requests/${partial.id}`)).body.paidAmount).toBe(50000);
    expect(
      (await h.api.get("/v2/collection-requests?status=cancel")).body.data.map((x: { id: string }) => x.id),
    ).toEqual([partial.id]);

    const expiring = (
      await h.api.post("/v2/collection-requests", {
        ...body,
        dueDate: new Date(Date.parse(h.control.now()) + 3600_000).toISOString(),
      })
    ).body;
    await h.control.advance(3600_000);
    expect((await h.api.get(`/v2/collection-requests/${expiring.id}`)).body.status).toBe("expired");
    const bad = await h.api.post("/v2/collection-requests", {
      ...body,
      purposeCode: "ZZZ",
      settlementCurrency: "INR",
      payer: {},
    });
    expect(Object.keys(bad.body.errors[0].message)).toEqual(expect.arrayContaining(["purposeCode", "payer.name"]));
  });
});
