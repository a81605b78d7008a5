import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWallexClient } from "../index";
import { maskAccountNumber, redact } from "../redact";
import { setup, SG_BENEFICIARY, type Setup } from "./setup";

describe("redact()", () => {
  it("masks secrets, tokens, document contents and account numbers; keeps the rest", () => {
    const input = {
      apiKey: "k",
      "X-Api-Key": "k",
      accessKeyId: "id",
      secretAccessKey: "s",
      token: "t",
      Authorization: "Bearer t",
      sessionToken: "t2",
      bankAccount: { accountNumber: "0123456789", iban: "GB29NWBK60161331926819", bankName: "DBS" },
      files: [{ fileName: "a.pdf", content: "JVBERi0x", base64: "AAAA" }],
      uploadURL: "https://s3.test/key?X-Amz-Signature=abc",
      amount: 10,
      nested: { deeper: [{ password: "p", name: "ok" }] },
      nothing: null,
      email: "mei.tan@example.com",
    };
    const out = redact(input);
    expect(out).toEqual({
      apiKey: "[REDACTED]",
      "X-Api-Key": "[REDACTED]",
      accessKeyId: "[REDACTED]",
      secretAccessKey: "[REDACTED]",
      token: "[REDACTED]",
      Authorization: "[REDACTED]",
      sessionToken: "[REDACTED]",
      bankAccount: { accountNumber: "****6789", iban: "****6819", bankName: "DBS" },
      files: [{ fileName: "a.pdf", content: "[REDACTED]", base64: "[REDACTED]" }],
      uploadURL: "https://s3.test/key?[REDACTED]",
      amount: 10,
      nested: { deeper: [{ password: "[REDACTED]", name: "ok" }] },
      nothing: null,
      email: "m***@example.com",
    });
    expect(input.bankAccount.accountNumber).toBe("0123456789");
    expect(maskAccountNumber("123")).toBe("****");
    expect(redact(new Headers({ authorization: "x", accept: "json" }))).toEqual({
      authorization: "[REDACTED]",
      accept: "json",
    });
  });
});

describe("call logging", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup({ client: { logRequestBodies: true } });
    await s.client.beneficiaries.create({ body: SG_BENEFICIARY });
    await s.client.beneficiaries.retrieve({ beneficiaryId: crypto.randomUUID() }).catch(() => undefined);
  });
  afterAll(() => s.close());

  it("reports every attempt with method, path template and path, status, duration, request id, attempt", () => {
    expect(s.logs.map((l) => [l.operation, l.method, l.status])).toEqual([
      ["auth.authenticate", "POST", 200],
      ["beneficiaries.create", "POST", 200],
      ["beneficiaries.retrieve", "GET", 404],
    ]);
    const miss = s.logs[2];
    expect(miss).toMatchObject({
      pathTemplate: "/v2/beneficiaries/{beneficiaryId}",
      attempt: 1,
      errorKind: "not_found",
      willRetry: false,
    });
    expect(miss.path).toMatch(/^\/v2\/beneficiaries\/[0-9a-f-]{36}$/);
    expect(miss.requestId).toBe(s.sent[2].headers.get("x-request-id"));
    expect(miss.durationMs).toBeGreaterThanOrEqual(0);
    expect(miss.errorBody).toMatchObject({ message: expect.any(String) });
  });

  it("never logs credentials, tokens or full account numbers", () => {
    const all = JSON.stringify(s.logs);
    for (const secret of [s.options.apiKey, s.options.accessKeyId, s.options.secretAccessKey, "0123456789"])
      expect(all).not.toContain(secret);
    const token = s.sent[1].headers.get("authorization")!.slice(7);
    expect(all).not.toContain(token);
    expect(s.logs[1].requestBody).toMatchObject({ bankAccount: { accountNumber: "****6789" } });
  });

  it("leaves request bodies out of the log unless asked", async () => {
    const quiet = await setup();
    await quiet.client.users.list({ query: { email: "mei.tan@example.com" } });
    await quiet.client.beneficiaries.create({ body: SG_BENEFICIARY });
    expect(quiet.logs.every((l) => l.requestBody === undefined)).toBe(true);
    expect(quiet.logs.find((l) => l.operation === "users.list")!.query).toEqual({ email: "m***@example.com" });
    await quiet.close();
  });

  it("a throwing logger does not break calls", async () => {
    const c = createWallexClient({
      ...s.options,
      logger: {
        log: () => {
          throw new Error("disk full");
        },
      },
    });
    await expect(c.currencies.list()).resolves.toBeDefined();
  });
});
