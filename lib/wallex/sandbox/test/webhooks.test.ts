import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SG_BENEFICIARY } from "./data";
import { startSandbox, type Harness } from "./harness";
import { startReceiver } from "./receiver";
import type { LooseJson } from "../loose-json";

describe("webhooks", () => {
  let h: Harness;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    // The default timeout (30 s): a loaded machine's round trips must not count as timeouts here.
    h = await startSandbox();
    rx = await startReceiver();
  });
  afterAll(async () => {
    await h.stop();
    await rx.close();
  });
  beforeEach(() => {
    rx.received.length = 0;
  });

  it("retrieves and updates the subscription (headers as a map or as key/value pairs)", async () => {
    expect((await h.api.get("/v2/webhooks")).body).toEqual({ url: null, headers: {} });
    const put = await h.api.put("/v2/webhooks", { url: rx.url, headers: { "x-secret": "s3cret" } });
    expect(put.body).toEqual({ url: rx.url, headers: { "x-secret": "s3cret" } });
    const post = await h.api.post("/v2/webhooks", {
      url: rx.url,
      headers: [
        { key: "x-secret", value: "s3cret" },
        { key: "x-env", value: "test" },
      ],
    });
    expect(post.body.headers).toEqual({ "x-secret": "s3cret", "x-env": "test" });
    expect((await h.api.get("/v2/webhooks")).body.url).toBe(rx.url);
    expect((await h.api.patch("/v2/webhooks", { url: "not a url" })).body.errors[0].message.url).toBeDefined();
    expect((await h.api.put("/v2/webhooks", { url: rx.url, headers: { "bad header": "x" } })).status).toBe(400);
    expect((await h.api.put("/v2/webhooks", { url: rx.url, headers: { "x-a": "1\r\nx-b: 2" } })).status).toBe(400);
  });

  it("POSTs {resource, resourceId, status, accountId} with the subscription's headers", async () => {
    const f = await h.control.topUp({ currency: "SGD", amount: 50 });
    await h.control.settle();
    expect(rx.received).toHaveLength(1);
    expect(rx.received[0].body).toEqual({
      resource: "funding",
      resourceId: f.id,
      status: "completed",
      accountId: f.accountId,
    });
    expect(rx.received[0].headers).toMatchObject({
      "x-secret": "s3cret",
      "x-env": "test",
      "content-type": "application/json",
    });
  });

  it("notifies every payment status change, in order", async () => {
    const b = (await h.api.post("/v2/beneficiaries", SG_BENEFICIARY)).body;
    await h.control.topUp({ currency: "SGD", amount: 500 });
    const q = (await h.api.post("/v2/payments/quote", { sellCurrency: "SGD", amount: 100, beneficiaryId: b.id })).body;
    const p = (await h.api.post("/v2/payments", { quoteId: q.quoteId, purposeOfTransfer: "rent" })).body;
    await h.api.post(`/v2/payments/${p.id}/fund`);
    for (let i = 0; i < 3; i++) await h.control.advancePayment(p.id);
    await h.control.settle();
    const statuses = rx.received.filter((r) => r.body.resource === "simple_payment").map((r) => r.body.status);
    expect(statuses).toEqual(["awaiting_funds", "under_review", "processing", "in_transit", "completed"]);
  });

  it("retries up to 3 times with back-off on the clock, then records the result", async () => {
    rx.respondWith(500, 503);
    const ok = await h.control.topUp({ currency: "SGD", amount: 1 });
    await h.control.settle();
    let log = (await h.api.get("/_sandbox/webhooks/deliveries")).body.data.find(
      (d: LooseJson) => d.payload.resourceId === ok.id,
    );
    expect(log).toMatchObject({ status: "pending", attempts: [{ statusCode: 500 }] });
    await h.control.advance(60_000);
    await h.control.advance(300_000);
    log = (await h.api.get("/_sandbox/webhooks/deliveries")).body.data.find(
      (d: LooseJson) => d.payload.resourceId === ok.id,
    );
    expect(log.status).toBe("delivered");
    expect(log.attempts.map((a: LooseJson) => a.statusCode)).toEqual([500, 503, 200]);

    rx.respondWith(500, 500, 500, 500);
    const bad = await h.control.topUp({ currency: "SGD", amount: 2 });
    await h.control.settle();
    for (const ms of [60_000, 300_000, 1_800_000, 3_600_000]) await h.control.advance(ms);
    await h.api.login();
    log = (await h.api.get("/_sandbox/webhooks/deliveries")).body.data.find(
      (d: LooseJson) => d.payload.resourceId === bad.id,
    );
    expect(log.status).toBe("failed");
    expect(log.attempts).toHaveLength(4);
    expect(rx.received.filter((r) => r.body.resourceId === bad.id)).toHaveLength(4);
  });

  it("treats a receiver slower than the timeout as a failed attempt", async () => {
    // A receiver that never answers, so the timeout wins however slow the machine is.
    const quick = await startSandbox({ webhookTimeoutMs: 100 });
    try {
      await quick.api.put("/v2/webhooks", { url: rx.url });
      rx.hang(true);
      const f = await quick.control.topUp({ currency: "SGD", amount: 3 });
      await quick.control.settle();
      rx.hang(false);
      const log = (await quick.api.get("/_sandbox/webhooks/deliveries")).body.data.find(
        (d: LooseJson) => d.payload.resourceId === f.id,
      );
      expect(log.attempts[0].error).toMatch(/timeout/);
      expect(log.status).toBe("pending");
      await quick.control.advance(60_000);
      expect(rx.received.filter((r) => r.body.resourceId === f.id)).toHaveLength(2); // retried, answered
    } finally {
      rx.hang(false);
      await quick.stop();
    }
  });

  it("drops or duplicates the next deliveries on request, and emits arbitrary payloads", async () => {
    await h.api.post("/_sandbox/webhooks/faults", { mode: "drop" });
    const dropped = await h.control.topUp({ currency: "SGD", amount: 4 });
    await h.api.post("/_sandbox/webhooks/faults", { mode: "duplicate" });
    const doubled = await h.control.topUp({ currency: "SGD", amount: 5 });
    await h.control.settle();
    expect(rx.received.filter((r) => r.body.resourceId === dropped.id)).toHaveLength(0);
    expect(rx.received.filter((r) => r.body.resourceId === doubled.id)).toHaveLength(2);
    await h.api.post("/_sandbox/webhooks/emit", {
      resource: "user",
      resourceId: "u-1",
      status: "approved",
      reason: "manual",
    });
    await h.control.settle();
    expect(rx.received.at(-1)!.body).toEqual({
      resource: "user",
      resourceId: "u-1",
      status: "approved",
      reason: "manual",
    });
    expect((await h.api.post("/_sandbox/webhooks/faults", { mode: "explode" })).status).toBe(400);
  });

  it("notifies user status changes with the reason", async () => {
    const u = (
      await h.api.post("/v2/signup", {
        email: "hook@example.com",
        firstName: "H",
        lastName: "K",
        countryCode: "SG",
        accountType: "individual",
      })
    ).body;
    await h.control.decideUser(u.userId, "pending_approval");
    await h.control.decideUser(u.userId, "document_needs_resubmission", "expired passport");
    await h.control.settle();
    const users = rx.received.filter((r) => r.body.resource === "user").map((r) => r.body);
    expect(users.at(-1)).toEqual({
      resource: "user",
      resourceId: u.userId,
      status: "document_needs_resubmission",
      accountId: u.accountId,
      reason: "expired passport",
    });
  });
});
