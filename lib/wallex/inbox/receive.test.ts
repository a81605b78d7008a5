import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { getDb } from "@/db";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { wallexConnections, webhookEvents } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { CLIENT_IP_HEADER, markClientIpStamped } from "@/lib/client-ip";
import { logger } from "@/lib/logger";
import { connectedPartner, deliverToRoute, startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";
import { webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { MAX_WEBHOOK_BODY_BYTES } from "./body";
import { purgeRejectedEvents } from "./purge";
import { WEBHOOK_SECRET_HEADER } from "./intake-address";
import { REJECTED_DELIVERIES_PER_MINUTE } from "./rejection-throttle";

const db = getDb();
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  markClientIpStamped(); // as our HTTP server does: the address header below is its stamp
});
afterAll(async () => {
  markClientIpStamped(false);
  await sandbox.stop();
});

const inbox = (partnerId: string) =>
  db.select().from(webhookEvents).where(eq(webhookEvents.partnerId, partnerId)).orderBy(webhookEvents.receivedAt);

async function partnerWithSecret() {
  const { scope } = await connectedPartner(sandbox);
  const [connection] = await db
    .select()
    .from(wallexConnections)
    .where(eq(wallexConnections.partnerId, scope.partnerId));
  return { partnerId: scope.partnerId, secret: decryptSecret(connection.webhookSecret!) };
}

const post = (partnerId: string, body: BodyInit, headers: Record<string, string> = {}) =>
  deliverToRoute(webhookUrlFor(partnerId), {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("webhook intake: whatever the bytes, an authentic delivery is stored", () => {
  const id = () => crypto.randomUUID();
  const cases = [
    [
      "an escaped NUL",
      () => bytes(`{"resource":"user","resourceId":"${id()}","status":"approved","remarks":"a\\u0000b"}`),
      "ab",
    ],
    [
      "a raw NUL byte",
      () => bytes(`{"resource":"user","resourceId":"${id()}","status":"approved","remarks":"a`, [0], `b"}`),
      "ab",
    ],
    [
      "an escaped lone surrogate",
      () => bytes(`{"resource":"user","resourceId":"${id()}","status":"approved","remarks":"a\\ud800b"}`),
      "a\ufffdb",
    ],
    [
      "a raw lone surrogate (invalid UTF-8)",
      () =>
        bytes(`{"resource":"user","resourceId":"${id()}","status":"approved","remarks":"a`, [0xed, 0xa0, 0x80], `b"}`),
      "a\ufffd\ufffd\ufffdb",
    ],
  ] as const;

  for (const [name, body, remarks] of cases) {
    test(`${name}: 200, the raw bytes kept as sent, the text and JSON sanitised`, async () => {
      const { partnerId, secret } = await partnerWithSecret();
      const sent = body();
      const response = await post(partnerId, sent, { [WEBHOOK_SECRET_HEADER]: secret });
      expect(response.status).toBe(200);
      const [event] = await inbox(partnerId);
      expect(event).toMatchObject({ outcome: "received", resource: "user", status: "approved", bodySize: sent.length });
      expect(Buffer.compare(event.body!, sent)).toBe(0);
      expect(event.bodySha256).toBe(createHash("sha256").update(sent).digest("hex"));
      expect((event.payload as { remarks: string }).remarks).toBe(remarks);
      expect(event.rawBody).not.toContain("\u0000");
    });
  }

  test("an authentic body that is not a notification is kept too, as rejected, with its bytes", async () => {
    const { partnerId, secret } = await partnerWithSecret();
    const sent = bytes("not json", [0, 0xff]);
    expect((await post(partnerId, sent, { [WEBHOOK_SECRET_HEADER]: secret })).status).toBe(400);
    const [event] = await inbox(partnerId);
    expect(event).toMatchObject({ outcome: "rejected", error: "body is not a Wallex notification" });
    expect(Buffer.compare(event.body!, sent)).toBe(0);
  });
});

test("deliveries are logged, without their body", async () => {
  const { partnerId, secret } = await partnerWithSecret();
  const lines: unknown[] = [];
  const spies = (["info", "warn", "error"] as const).map((level) =>
    vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => void lines.push(args)) as never),
  );
  try {
    const marker = "do-not-log-me-4711";
    const body = JSON.stringify({
      resource: "user",
      resourceId: crypto.randomUUID(),
      status: "approved",
      remarks: marker,
    });
    expect((await post(partnerId, body, { [WEBHOOK_SECRET_HEADER]: secret })).status).toBe(200);
    expect((await post(partnerId, body, { [WEBHOOK_SECRET_HEADER]: "forged" })).status).toBe(401);
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toContain(marker);
    expect(JSON.stringify(lines)).toContain(partnerId);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
});

describe("webhook intake: what a forger can make us store", () => {
  test("a forged delivery leaves only time, size, source and hash, no body", async () => {
    const { partnerId } = await partnerWithSecret();
    const sent = JSON.stringify({
      resource: "user",
      resourceId: crypto.randomUUID(),
      status: "approved",
      padding: "x".repeat(10_000),
    });
    const response = await post(partnerId, sent, {
      [WEBHOOK_SECRET_HEADER]: "guess",
      [CLIENT_IP_HEADER]: "203.0.113.7",
    });
    expect(response.status).toBe(401);
    const [event] = await inbox(partnerId);
    expect(event).toMatchObject({
      outcome: "rejected",
      rawBody: null,
      body: null,
      payload: null,
      resourceId: null,
      bodySize: Buffer.byteLength(sent),
      bodySha256: createHash("sha256").update(sent).digest("hex"),
      sourceIp: "203.0.113.7",
    });
  });

  test("a body over the cap gets a 413, is not read past the cap, and leaves no body", async () => {
    const { partnerId, secret } = await partnerWithSecret();
    // Declared too large: refused before reading.
    const big = Buffer.alloc(MAX_WEBHOOK_BODY_BYTES + 1, "x");
    expect((await post(partnerId, big, { [WEBHOOK_SECRET_HEADER]: secret })).status).toBe(413);

    // Streamed without a length: reading stops just past the cap, not at the end of the 10 MB.
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(120);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (++pulled > 160) controller.close();
        else controller.enqueue(chunk);
      },
    });
    expect((await post(partnerId, endless, { [WEBHOOK_SECRET_HEADER]: secret })).status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(MAX_WEBHOOK_BODY_BYTES / chunk.length + 3);

    const events = await inbox(partnerId);
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event).toMatchObject({ outcome: "rejected", rawBody: null, body: null, bodySha256: null });
      expect(event.bodySize).toBeGreaterThan(MAX_WEBHOOK_BODY_BYTES);
    }
  });

  test("past the limit, rejected deliveries get a 429 and no row; authentic ones still get in", async () => {
    const { partnerId, secret } = await partnerWithSecret();
    const body = JSON.stringify({ resource: "user", resourceId: crypto.randomUUID(), status: "approved" });
    const statuses: number[] = [];
    for (let i = 0; i < REJECTED_DELIVERIES_PER_MINUTE + 5; i++)
      statuses.push((await post(partnerId, body, { [WEBHOOK_SECRET_HEADER]: "forged" })).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(REJECTED_DELIVERIES_PER_MINUTE);
    expect(statuses.slice(REJECTED_DELIVERIES_PER_MINUTE)).toEqual([429, 429, 429, 429, 429]);
    expect(await inbox(partnerId)).toHaveLength(REJECTED_DELIVERIES_PER_MINUTE);

    expect((await post(partnerId, body, { [WEBHOOK_SECRET_HEADER]: secret })).status).toBe(200);
    // Another partner's limit is its own.
    const other = await partnerWithSecret();
    expect((await post(other.partnerId, body, { [WEBHOOK_SECRET_HEADER]: "forged" })).status).toBe(401);
  });

  test("the purge deletes rejected rows past the retention, and nothing else", async () => {
    const { partnerId } = await partnerWithSecret();
    const old = new Date(Date.now() - 31 * 86_400_000);
    const recent = new Date(Date.now() - 29 * 86_400_000);
    await db.insert(webhookEvents).values([
      { partnerId, outcome: "rejected", bodySize: 10, receivedAt: old, error: "old forged" },
      { partnerId, outcome: "rejected", bodySize: 10, receivedAt: recent, error: "recent forged" },
      { partnerId, outcome: "processed", rawBody: "{}", receivedAt: old, result: "old processed" },
      { partnerId, outcome: "failed", rawBody: "{}", receivedAt: old, result: "old failed" },
    ]);
    const { purged } = await purgeRejectedEvents(db, { scope: mintJobScope(partnerId, "test") });
    expect(purged).toBe(1);
    const left = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.partnerId, partnerId)));
    expect(left.map((e) => e.error ?? e.result).sort()).toEqual(["old failed", "old processed", "recent forged"]);
  });
});
