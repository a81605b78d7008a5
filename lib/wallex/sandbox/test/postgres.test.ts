import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { Client, startSandbox } from "./harness";

describe("PostgreSQL persistence", () => {
  it("keeps state across restarts in its own schema", async () => {
    const connectionString = inject("databaseUrl");
    const schema = `wallex_sandbox_test_${Math.random().toString(36).slice(2, 8)}`;
    const store = { kind: "postgres" as const, connectionString, schema };

    const first = await startSandbox({ store });
    const signup = await first.api.post("/v2/signup", {
      email: "persist@example.com",
      firstName: "P",
      lastName: "S",
      countryCode: "SG",
      accountType: "individual",
    });
    await first.control.topUp({ currency: "SGD", amount: 123.45 });
    const va = await first.api.post("/v2/collections/accounts", { name: "va", currency: "SGD" });
    await first.control.creditCollection({ collectionAccountId: va.body.id, amount: 10 });
    const q = await first.api.post("/v2/conversions/quote", { sellCurrency: "SGD", buyCurrency: "USD", amount: 5 });
    const conversion = (await first.api.post("/v2/conversions", { quoteId: q.body.quoteId })).body;
    const token = first.api.token!;
    await first.stop();

    const second = await startSandbox({ store });
    const c = new Client(second.url);
    c.token = token;
    expect((await c.get(`/v2/users/${signup.body.userId}`)).body.email).toBe("persist@example.com");
    expect((await c.get("/v2/balances/SGD")).body.amount).toBe(133.43);
    expect((await c.get("/v2/balances/history")).body.pagination.total).toBe(2);
    expect((await c.get(`/v2/collections/accounts/${va.body.id}`)).body.status).toBe("active");
    await second.control.topUp({ currency: "SGD", amount: 1 });
    expect((await c.get("/v2/balances/SGD")).body.amount).toBe(134.43);
    // The funding cut-off timer was stored with the conversion and fires after the restart.
    await second.control.advance(12 * 3600_000);
    await c.login();
    expect((await c.get(`/v2/conversions/${conversion.id}`)).body).toMatchObject({
      status: "failed",
      failureReason: "funding_cutoff_passed",
    });

    const db = new pg.Client({ connectionString });
    await db.connect();
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${schema}".records WHERE kind = 'entry'`);
    expect(rows[0].n).toBe(3);

    await c.post("/_sandbox/reset");
    expect((await second.api.login().then((a) => a.get("/v2/balances"))).body.data).toEqual([]);
    const after = await db.query(`SELECT count(*)::int AS n FROM "${schema}".records WHERE kind = 'entry'`);
    expect(after.rows[0].n).toBe(0);
    await db.query(`DROP SCHEMA "${schema}" CASCADE`);
    await db.end();
    await second.stop();
  });
});
