import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SG_BENEFICIARY } from "./data";
import { approvedMember, startSandbox, type Harness } from "./harness";

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("balance conservation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.stop());

  it("after a random sequence of operations every balance equals the sum of its history", async () => {
    const rand = prng(20260105);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const amount = () => Math.round(rand() * 50000) / 100 + 0.01;
    const partner = h.control.partners()[0].accountId;
    const members = [await approvedMember(h), await approvedMember(h)];
    const accounts = [partner, ...members.map((m) => m.accountId)];
    const obo = (a: string): Record<string, string> => (a === partner ? {} : { onBehalfOfAccount: a });
    const beneficiaries: Record<string, string> = {};
    for (const a of accounts)
      beneficiaries[a] = (await h.api.post("/v2/beneficiaries", { ...SG_BENEFICIARY, ...obo(a) })).body.id;
    const vas: Record<string, string> = {};
    for (const a of accounts)
      vas[a] = (await h.api.post("/v2/collections/accounts", { name: "va", currency: "USD", ...obo(a) })).body.id;
    const ccys = ["SGD", "USD", "EUR"];

    const ops: Array<() => Promise<unknown>> = [
      () => h.control.topUp({ currency: pick(ccys), amount: amount(), accountId: pick(accounts) }),
      () => h.control.deduct({ currency: pick(ccys), amount: amount() / 10, accountId: pick(accounts) }),
      () => {
        const [from, to] = [pick(accounts), pick(accounts)];
        return h.api.post("/v2/transfers", {
          ...obo(from),
          receiverAccountId: to,
          currency: pick(ccys),
          amount: amount(),
          purposesOfTransfer: "x",
          reference: pick(["", "REJECT", "HOLD"]),
        });
      },
      async () => {
        const a = pick(accounts);
        const [sell, buy] = rand() < 0.5 ? ["SGD", "USD"] : ["USD", "EUR"];
        const q = await h.api.post("/v2/conversions/quote", {
          ...obo(a),
          sellCurrency: sell,
          buyCurrency: buy,
          amount: amount(),
          fixedSide: pick(["buy", "sell"]),
        });
        const c = await h.api.post("/v2/conversions", {
          ...obo(a),
          quoteId: q.body.quoteId,
          referenceId: pick(["ok", "FAIL"]),
        });
        if ((await h.api.post(`/v2/conversions/${c.body.id}/fund`, obo(a))).status === 200)
          await h.control.advanceConversion(c.body.id);
      },
      async () => {
        const a = pick(accounts);
        const q = await h.api.post("/v2/payments/quote", {
          ...obo(a),
          sellCurrency: pick(ccys),
          amount: amount() / 2,
          beneficiaryId: beneficiaries[a],
        });
        const p = await h.api.post("/v2/payments", {
          ...obo(a),
          quoteId: q.body.quoteId,
          purposeOfTransfer: "rent",
          paymentReference: pick(["ok", "REJECT", "FAIL", "HOLD"]),
        });
        if ((await h.api.post(`/v2/payments/${p.body.id}/fund`, obo(a))).status !== 200) return;
        for (let i = 0; i < 3; i++) await h.control.advancePayment(p.body.id).catch(() => undefined);
      },
      () =>
        h.control.creditCollection({
          collectionAccountId: vas[pick(accounts)],
          amount: amount(),
          senderName: pick(["Payer", "REJECT Co"]),
        }),
    ];
    for (let i = 0; i < 150; i++) await pick(ops)().catch(() => undefined);

    let checked = 0;
    for (const a of accounts) {
      const balances = (await h.api.get(`/v2/balances?limit=100&${new URLSearchParams(obo(a))}`)).body.data;
      for (const b of balances) {
        const history = (
          await h.api.get(`/v2/balances/history?limit=100&balanceId=${b.id}&${new URLSearchParams(obo(a))}`)
        ).body;
        expect(history.pagination.total).toBeLessThanOrEqual(100);
        const entries = [...history.data].reverse();
        let running = new Decimal(0);
        for (const e of entries) {
          expect(new Decimal(e.balanceBefore).eq(running)).toBe(true);
          running = e.direction === "credit" ? running.plus(e.amount) : running.minus(e.amount);
          expect(new Decimal(e.balanceAfter).eq(running)).toBe(true);
          expect(running.isNegative()).toBe(false);
        }
        expect(new Decimal(b.amount).eq(running)).toBe(true);
        checked += entries.length;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("serialises concurrent writes: one fund per payment, no overdraft", async () => {
    await h.control.reset();
    await h.api.login();
    const b = (await h.api.post("/v2/beneficiaries", SG_BENEFICIARY)).body;
    await h.control.topUp({ currency: "SGD", amount: 100 });
    const q = (await h.api.post("/v2/payments/quote", { sellCurrency: "SGD", amount: 10, beneficiaryId: b.id })).body;
    const p = (await h.api.post("/v2/payments", { quoteId: q.quoteId, purposeOfTransfer: "rent" })).body;
    const funds = await Promise.all(Array.from({ length: 6 }, () => h.api.post(`/v2/payments/${p.id}/fund`)));
    expect(funds.filter((r) => r.status === 200)).toHaveLength(1);
    const left = new Decimal(100).minus(p.totalAmount);
    expect((await h.api.get("/v2/balances/SGD")).body.amount).toBe(left.toNumber());
    const member = await approvedMember(h);
    const transfers = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.api.post("/v2/transfers", {
          receiverAccountId: member.accountId,
          currency: "SGD",
          amount: 30,
          purposesOfTransfer: "x",
        }),
      ),
    );
    const ok = transfers.filter((r) => r.status === 200).length;
    expect(ok).toBe(left.div(30).floor().toNumber());
    expect(transfers.filter((r) => r.status === 400).every((r) => /insufficient balance/.test(r.body.message))).toBe(
      true,
    );
    expect((await h.api.get("/v2/balances/SGD")).body.amount).toBe(left.minus(30 * ok).toNumber());
  });
});
