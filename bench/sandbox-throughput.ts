/**
 * Throughput of the standalone Wallex sandbox: a read-heavy mix against 127.0.0.1 only, for a
 * bounded time. Usage: npx tsx bench/sandbox-throughput.ts [seconds=10] [concurrency=32]
 * Target: ≥ 500 requests/s on a 2-core machine. Not run by the test suite.
 */
import { startStandalone } from "../lib/wallex/sandbox/server";
import { DEMO_PARTNER_CREDENTIALS } from "../lib/wallex/sandbox/index";
import type { LooseJson } from "../lib/wallex/sandbox/loose-json";

const seconds = Math.min(Number(process.argv[2] ?? 10), 120);
const concurrency = Math.min(Number(process.argv[3] ?? 32), 256);

async function main() {
  const { url, stop } = await startStandalone({
    WALLEX_SANDBOX_PORT: "0",
    WALLEX_SANDBOX_HOST: "127.0.0.1",
    WALLEX_SANDBOX_RATE_LIMIT: "off",
    WALLEX_SANDBOX_AUTO_PROGRESS: "off",
    WALLEX_SANDBOX_DATABASE_URL: process.env.WALLEX_SANDBOX_DATABASE_URL ?? "memory",
  });
  if (!url.startsWith("http://127.0.0.1:")) throw new Error("the benchmark only targets 127.0.0.1");
  const key = DEMO_PARTNER_CREDENTIALS.apiKey;
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        "x-api-key": key,
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as LooseJson };
  };

  const { token } = (await call("POST", "/v2/authenticate", DEMO_PARTNER_CREDENTIALS)).body;
  await call("POST", "/_sandbox/balances/top-up", { currency: "SGD", amount: 1_000_000 });
  const beneficiary = (
    await call(
      "POST",
      "/v2/beneficiaries",
      {
        entityType: "company",
        companyName: "Bench Pte Ltd",
        address: "1 Bench Rd",
        city: "Singapore",
        country: "SG",
        bankAccount: {
          accountNumber: "0123456789",
          bankAccountHolderName: "Bench Pte Ltd",
          bankName: "DBS Bank Ltd",
          country: "SG",
          currency: "SGD",
        },
      },
      token,
    )
  ).body;
  const payments: string[] = [];
  for (let i = 0; i < 50; i++) {
    const q = (
      await call(
        "POST",
        "/v2/payments/quote",
        { sellCurrency: "SGD", amount: 10 + i, beneficiaryId: beneficiary.id },
        token,
      )
    ).body;
    const p = (await call("POST", "/v2/payments", { quoteId: q.quoteId, purposeOfTransfer: "rent" }, token)).body;
    await call("POST", `/v2/payments/${p.id}/fund`, {}, token);
    payments.push(p.id);
  }

  const mix: Array<[number, () => [string, string, unknown?]]> = [
    [30, () => ["GET", "/v2/balances"]],
    [15, () => ["GET", "/v2/payments?limit=20"]],
    [15, () => ["GET", `/v2/payments/${payments[Math.floor(Math.random() * payments.length)]}`]],
    [10, () => ["GET", "/v2/beneficiaries"]],
    [15, () => ["GET", "/v2/currencies/rates?sellCurrency=SGD&buyCurrency=USD"]],
    [10, () => ["GET", "/v2/balances/history?limit=20"]],
    [5, () => ["POST", "/v2/conversions/quote", { sellCurrency: "SGD", buyCurrency: "USD", amount: 100 }]],
  ];
  const total = mix.reduce((s, [w]) => s + w, 0);
  const next = () => {
    let r = Math.random() * total;
    for (const [w, f] of mix) if ((r -= w) < 0) return f();
    return mix[0][1]();
  };

  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const [method, path, body] = next();
        const t = performance.now();
        const r = await call(method, path, body, token);
        latencies.push(performance.now() - t);
        if (r.status !== 200) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
  console.log(`requests: ${latencies.length} in ${elapsed.toFixed(1)} s, concurrency ${concurrency}, errors ${errors}`);
  console.log(`throughput: ${(latencies.length / elapsed).toFixed(0)} req/s`);
  console.log(`latency ms: p50 ${pct(50)}  p90 ${pct(90)}  p99 ${pct(99)}  max ${pct(100)}`);
  await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
