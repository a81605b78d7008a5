import autocannon from "autocannon";

export type PageLoad = { url: string; cookie: string; seconds: number; connections: number; status: number };
export type PageFigures = {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  max: number;
  /** Every answer the server gave, warm-up included: what its CPU time is divided by. */
  answered: number;
  /** Answers with another status than the page's own (a redirect to sign-in, a 500…), and socket errors. */
  wrong: number;
};

/**
 * One page under `connections` concurrent clients for `seconds`, after a short warm-up. autocannon
 * reports no p95, so every answer's latency is kept and the percentiles are read from them.
 */
export async function loadPage(cfg: PageLoad): Promise<PageFigures> {
  const headers = { cookie: cfg.cookie };
  const warmUp = await run({ url: cfg.url, headers, connections: cfg.connections, duration: 1 });
  const latencies: number[] = [];
  let wrong = 0;
  const result = await run(
    { url: cfg.url, headers, connections: cfg.connections, duration: cfg.seconds },
    (status, ms) => {
      latencies.push(ms);
      if (status !== cfg.status) wrong++;
    },
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    perSecond: latencies.length / cfg.seconds,
    p50: at(0.5),
    p95: at(0.95),
    max: at(1),
    answered: latencies.length + warmUp.requests.total,
    wrong: wrong + result.errors + result.timeouts,
  };
}

function run(options: autocannon.Options, onResponse?: (status: number, ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on("response", (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}
