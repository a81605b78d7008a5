import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../index";
import { startSandbox, type Harness } from "./harness";
import { startReceiver } from "./receiver";

/**
 * A sandbox closed while its receiver is slow must not lose a webhook: a send that gets no answer
 * before close() gives up stays queued in the store, and the next sandbox on the store sends it.
 */
describe("webhooks across a close", () => {
  let root: string;
  let dir: string;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  const open = async (options: Parameters<typeof startSandbox>[0] = {}) => {
    const h = await startSandbox({
      store: { kind: "pglite", dataDir: dir },
      clock: systemClock(),
      tickIntervalMs: 20,
      webhookCloseGraceMs: 200,
      ...options,
    });
    await h.api.put("/v2/webhooks", { url: rx.url });
    return h;
  };
  const emitted = (count: number) => Array.from({ length: count }, (_, i) => `fund_${i}`);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "sandbox-close-"));
    rx = await startReceiver();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(root, "store-")); // a store of its own for each test
    rx.received.length = 0;
  });
  afterAll(async () => {
    await rx.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("sends after reopening what a close cut short, each at least once", { timeout: 180_000 }, async () => {
    let first: Harness | undefined = await open();
    rx.delay(2_000); // slower than the close grace: every send is in flight when close() gives up
    for (const id of emitted(5))
      await first.control.emitWebhook({ resource: "funding", resourceId: id, status: "completed" });
    await expect.poll(() => rx.received.length, { timeout: 60_000 }).toBeGreaterThan(0);
    await first.stop();
    first = undefined;

    rx.delay(0);
    const second = await open();
    try {
      // The first sandbox's sends reached the receiver but got no answer: only the second records them.
      const statuses = async () =>
        ((await second.api.get("/_sandbox/webhooks/deliveries")).body.data as { status: string }[]).map(
          (d) => d.status,
        );
      await expect.poll(statuses, { timeout: 60_000 }).toEqual(Array(5).fill("delivered"));
    } finally {
      await second.stop();
    }
    expect(new Set(rx.received.map((r) => r.body.resourceId))).toEqual(new Set(emitted(5)));
  });

  it("lets a send that answers within the grace finish, and does not send it again", { timeout: 180_000 }, async () => {
    const first = await open({ webhookCloseGraceMs: 10_000 });
    rx.delay(300);
    await first.control.emitWebhook({ resource: "funding", resourceId: "fund_graceful", status: "completed" });
    await expect.poll(() => rx.received.length, { timeout: 60_000 }).toBe(1);
    await first.stop();
    rx.delay(0);
    const second = await open();
    try {
      const deliveries = (await second.api.get("/_sandbox/webhooks/deliveries")).body.data as {
        payload: { resourceId: string };
        status: string;
      }[];
      expect(deliveries.find((d) => d.payload.resourceId === "fund_graceful")?.status).toBe("delivered");
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await second.stop();
    }
    expect(rx.received.filter((r) => r.body.resourceId === "fund_graceful")).toHaveLength(1);
  });

  it("keeps webhooks queued until webhooksFrom settles", { timeout: 180_000 }, async () => {
    let listening = () => {};
    const first = await open({ webhooksFrom: new Promise<void>((resolve) => (listening = resolve)) });
    try {
      await first.control.emitWebhook({ resource: "funding", resourceId: "fund_held", status: "completed" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(rx.received).toHaveLength(0);
      listening();
      await expect.poll(() => rx.received.map((r) => r.body.resourceId), { timeout: 60_000 }).toEqual(["fund_held"]);
    } finally {
      await first.stop();
    }
  });
});
