import { afterEach, describe, expect, inject, it } from "vitest";
import { createWallexSandbox } from "../index";
import { Client, startSandbox, type Harness } from "./harness";
import { startReceiver } from "./receiver";

const signup = (c: Client, email: string) =>
  c.post("/v2/signup", { email, firstName: "Mei", lastName: "Tan", countryCode: "SG", accountType: "individual" });

describe("partners provisioned at runtime", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it("get their own generated credentials and cannot see each other's objects or webhooks", async () => {
    h = await startSandbox();
    const a = await h.control.provisionPartner({ id: "tenant-a", name: "A" });
    const b = await h.control.provisionPartner({ id: "tenant-b", name: "B" });
    expect(a.apiKey).not.toBe(b.apiKey);
    expect(a.secretAccessKey).toMatch(/^wxsb_secret_[A-Za-z0-9_-]{32}$/);
    const ca = await new Client(h.url, a.apiKey).login(a.accessKeyId, a.secretAccessKey);
    const cb = await new Client(h.url, b.apiKey).login(b.accessKeyId, b.secretAccessKey);
    // Another partner's secrets do not log in with this key.
    expect(
      (
        await new Client(h.url, a.apiKey).post("/v2/authenticate", {
          accessKeyId: b.accessKeyId,
          secretAccessKey: b.secretAccessKey,
        })
      ).status,
    ).toBe(401);

    const user = (await signup(ca, "only-a@example.com")).body;
    expect((await cb.get(`/v2/users/${user.userId}`)).status).toBe(404);
    expect((await cb.get("/v2/users")).body.data).toEqual([]);
    await ca.put("/v2/webhooks", { url: "https://a.example/hook", headers: { "x-secret": "a" } });
    expect((await cb.get("/v2/webhooks")).body).toEqual({ url: null, headers: {} });
    expect(h.control.partnerIdForKey(b.apiKey)).toBe("tenant-b");
    expect(h.control.partnerIdForKey("demo-api-key-0001")).toBe("demo");
  });

  it("re-provisioning re-issues the credentials: the old key and its tokens stop working", async () => {
    h = await startSandbox();
    const first = await h.control.provisionPartner({ id: "tenant-r", name: "R" });
    const old = await new Client(h.url, first.apiKey).login(first.accessKeyId, first.secretAccessKey);
    const second = await h.control.provisionPartner({ id: "tenant-r", name: "R" });
    expect((await old.get("/v2/balances")).status).toBe(403);
    const fresh = new Client(h.url, second.apiKey);
    fresh.token = old.token;
    expect((await fresh.get("/v2/balances")).status).toBe(401);
    await fresh.login(second.accessKeyId, second.secretAccessKey);
    expect((await fresh.get("/v2/balances")).status).toBe(200);
  });

  it("are kept in the store across restarts and survive a reset", async () => {
    const store = {
      kind: "postgres" as const,
      connectionString: inject("databaseUrl"),
      schema: `wallex_sandbox_prov_${Math.random().toString(36).slice(2, 8)}`,
    };
    const first = await createWallexSandbox({ store, partners: [], rateLimit: false, autoProgress: false });
    const creds = await first.control.provisionPartner({ id: "tenant-p", name: "P" });
    await first.control.reset();
    await first.close();

    // Not startSandbox: it logs in as the demo partner, which this sandbox does not have.
    const second = await createWallexSandbox({ store, partners: [], rateLimit: false, autoProgress: false });
    try {
      const auth = await second.fetch(
        new Request("http://sandbox.test/v2/authenticate", {
          method: "POST",
          headers: { "x-api-key": creds.apiKey, "content-type": "application/json" },
          body: JSON.stringify({ accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey }),
        }),
      );
      expect(auth.status).toBe(200);
      expect(second.control.partners().map((p) => p.id)).toEqual(["tenant-p"]);
    } finally {
      await second.close();
    }
  });
});

describe("webhook targets", () => {
  it("refuses a subscription to any other address and never sends to one", async () => {
    const receiver = await startReceiver();
    const allowedUrl = `${receiver.url}/allowed`;
    const h = await startSandbox({ webhookTargets: (url, partnerId) => partnerId === "demo" && url === allowedUrl });
    try {
      const refused = await h.api.put("/v2/webhooks", {
        url: "http://169.254.169.254/latest/meta-data",
        headers: { "x-a": "1" },
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain("url");
      expect((await h.api.get("/v2/webhooks")).body.url).toBeNull();

      expect((await h.api.put("/v2/webhooks", { url: allowedUrl })).status).toBe(200);
      await h.api.post("/_sandbox/webhooks/emit", { resource: "user", resourceId: "u1", status: "approved" });
      await h.control.settle();
      expect(receiver.received).toHaveLength(1);
    } finally {
      await h.stop();
      await receiver.close();
    }
  });

  it("the deliverer refuses a stored address the rule does not allow", async () => {
    const receiver = await startReceiver();
    let allow = true;
    const h = await startSandbox({ webhookTargets: () => allow });
    try {
      await h.api.put("/v2/webhooks", { url: receiver.url });
      allow = false;
      await h.api.post("/_sandbox/webhooks/emit", { resource: "user", resourceId: "u1", status: "approved" });
      await h.control.settle();
      expect(receiver.received).toHaveLength(0);
      const [delivery] = h.control.deliveries();
      expect(delivery).toMatchObject({ status: "failed" });
    } finally {
      await h.stop();
      await receiver.close();
    }
  });
});

describe("helper CORS with helperOrigins", () => {
  it("answers only the listed origin", async () => {
    const sandbox = await createWallexSandbox({
      rateLimit: false,
      autoProgress: false,
      helperOrigins: ["http://app.test"],
    });
    try {
      const call = (origin: string) =>
        sandbox.fetch(
          new Request("http://sandbox.test/_sandbox/requests", {
            headers: { Origin: origin, "X-Api-Key": "demo-api-key-0001" },
          }),
        );
      expect((await call("http://app.test")).headers.get("access-control-allow-origin")).toBe("http://app.test");
      expect((await call("http://evil.test")).headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await sandbox.close();
    }
  });
});

describe("pre-signed storage URLs with storageSecret", () => {
  it("refuses a URL signed with the public default secret", async () => {
    const { createHmac } = await import("node:crypto");
    const key = "some-upload";
    const expires = Math.floor(Date.now() / 1000) + 3600;
    const signature = createHmac("sha256", "wallex-sandbox-storage-v1").update(`GET\n${key}\n${expires}`).digest("hex");
    const url = `http://sandbox.test/_sandbox/storage/${key}?X-Amz-Expires=${expires}&X-Amz-Signature=${signature}`;
    const open = await createWallexSandbox({ rateLimit: false, autoProgress: false });
    const closed = await createWallexSandbox({ rateLimit: false, autoProgress: false, storageSecret: "host-secret" });
    try {
      expect((await open.fetch(new Request(url))).status).toBe(404); // signature accepted, no such object
      const refused = await closed.fetch(new Request(url));
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain("SignatureDoesNotMatch");
    } finally {
      await open.close();
      await closed.close();
    }
  });
});
