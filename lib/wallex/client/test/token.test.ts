import { afterEach, describe, expect, it } from "vitest";
import { WallexAuthenticationError } from "../errors";
import { createWallexClient } from "../index";
import { createMemoryTokenStore, type StoredToken, type TokenStore } from "../token-store";
import { setup, type Setup } from "./setup";

const HOUR = 3600_000;

describe("session token", () => {
  let s: Setup;
  afterEach(() => s?.close());

  it("100 concurrent calls on a cold client authenticate exactly once", async () => {
    s = await setup();
    const results = await Promise.all(Array.from({ length: 100 }, () => s.client.currencies.list()));
    expect(results.every((r) => r.data.length > 0)).toBe(true);
    expect(s.auths()).toBe(1);
    const sandboxLog = s.control.requests().filter((r) => r.path === "/v2/authenticate");
    expect(sandboxLog).toHaveLength(1);
  });

  it("two clients of the same tenant sharing a store reuse one token", async () => {
    s = await setup();
    const twin = createWallexClient(s.options);
    await Promise.all([s.client.balances.list(), twin.balances.list(), twin.currencies.list()]);
    expect(s.auths()).toBe(1);
  });

  it("reuses the token for its 8 hours and refreshes it ahead of expiry", async () => {
    let now = Date.parse("2026-01-05T08:00:00Z");
    s = await setup({ client: { now: () => now } });
    await s.client.currencies.list();
    now += 7 * HOUR;
    await s.client.currencies.list();
    expect(s.auths()).toBe(1);
    now += 31 * 60_000; // 7 h 31 min: inside the 30 min refresh margin
    await s.control.advance(7 * HOUR + 31 * 60_000);
    await s.client.currencies.list();
    expect(s.auths()).toBe(2);
  });

  it("a 401 on an expired token re-authenticates once and replays the call", async () => {
    s = await setup(); // the client's clock stands still, the sandbox's moves past 8 h
    await s.client.currencies.list();
    await s.control.advance(8 * HOUR + 1000);
    const list = await s.client.balances.list();
    expect(list.data).toBeDefined();
    expect(s.auths()).toBe(2);
    const statuses = s.logs
      .filter((l) => l.operation === "balances.list")
      .map((l) => [l.status, l.attempt, l.willRetry]);
    expect(statuses).toEqual([
      [401, 1, true],
      [200, 2, false],
    ]);
  });

  it("a 401 on a revoked token re-authenticates; concurrent 401s still authenticate once", async () => {
    s = await setup();
    await s.client.currencies.list();
    const token = s.sent.at(-1)!.headers.get("authorization")!;
    await s.sandbox.fetch(
      new Request("http://sandbox.test/v2/logout", {
        method: "POST",
        headers: { "x-api-key": s.options.apiKey, authorization: token },
      }),
    );
    await Promise.all(Array.from({ length: 10 }, () => s.client.currencies.list()));
    expect(s.auths()).toBe(2);
  });

  it("a 401 that persists after re-authenticating surfaces as WallexAuthenticationError", async () => {
    s = await setup({
      intercept: (req) =>
        req.url.endsWith("/v2/balances")
          ? Response.json({ message: "authentication_failed" }, { status: 401 })
          : undefined,
    });
    const err = await s.client.balances.list().catch((e) => e);
    expect(err).toBeInstanceOf(WallexAuthenticationError);
    expect(s.auths()).toBe(2);
    expect(s.sent.filter((r) => r.url.pathname === "/v2/balances")).toHaveLength(2);
  });

  it("wrong credentials: authenticate fails with WallexAuthenticationError and nothing is cached", async () => {
    s = await setup({ client: { secretAccessKey: "wrong" } });
    await expect(s.client.currencies.list()).rejects.toBeInstanceOf(WallexAuthenticationError);
    await expect(s.client.currencies.list()).rejects.toBeInstanceOf(WallexAuthenticationError);
    expect(s.auths()).toBe(2);
    expect(await s.options.tokenStore!.get(s.options.tenant)).toBeUndefined();
  });

  it("authScheme raw sends the bare token", async () => {
    s = await setup({ client: { authScheme: "raw" } });
    await s.client.currencies.list();
    expect(s.sent.at(-1)!.headers.get("authorization")).toMatch(/^[^\s]+$/);
  });
});

describe("memory TokenStore", () => {
  it("invalidate(key, token) only drops the token it names; singleFlight shares one run", async () => {
    const store = createMemoryTokenStore();
    await store.set("t", { token: "new", issuedAt: 0, expiresAt: 1 });
    await store.invalidate("t", "old");
    expect((await store.get("t"))?.token).toBe("new");
    await store.invalidate("t");
    expect(await store.get("t")).toBeUndefined();
    let runs = 0;
    const fn = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return runs;
    };
    expect(
      await Promise.all([store.singleFlight("k", fn), store.singleFlight("k", fn), store.singleFlight("j", fn)]),
    ).toEqual([2, 2, 2]);
    await expect(
      store.singleFlight("k", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.singleFlight("k", async () => "ok")).toBe("ok");
  });
});

describe("a cross-process TokenStore (the shape of the PostgreSQL one)", () => {
  it("two processes sharing rows and a lock, 50 cold calls each, authenticate once", async () => {
    const rows = new Map<string, StoredToken>();
    let lock = Promise.resolve();
    // Each "process" has its own object; only the rows and the lock (an advisory lock) are shared.
    const processStore = (): TokenStore => ({
      get: async (k) => {
        await new Promise((r) => setTimeout(r, 1));
        return rows.get(k);
      },
      set: async (k, t) => void rows.set(k, t),
      invalidate: async (k, t) => {
        if (t === undefined || rows.get(k)?.token === t) rows.delete(k);
      },
      singleFlight: (_k, fn) => {
        const run = lock.then(fn);
        lock = run.then(
          () => undefined,
          () => undefined,
        );
        return run;
      },
    });
    const s = await setup({ client: { tokenStore: processStore() } });
    const other = createWallexClient({ ...s.options, tokenStore: processStore() });
    await Promise.all([...Array(50)].flatMap(() => [s.client.currencies.list(), other.currencies.list()]));
    expect(s.auths()).toBe(1);
    await s.close();
  });
});
