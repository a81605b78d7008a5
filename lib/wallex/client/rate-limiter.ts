/**
 * Admits calls for a tenant at no more than `perSecond` in any one-second window. Callers wait in line
 * instead of failing. `acquire` resolves when the caller may send one request (every attempt, retries and
 * authenticate included, since Wallex counts them all).
 */
export interface RateLimiter {
  acquire(key: string, perSecond: number, signal?: AbortSignal): Promise<void>;
}

type Lane = { grants: number[]; tail: Promise<void> };

/**
 * Sliding-window log per key: a call is admitted when fewer than `perSecond` calls were admitted in the
 * last second plus `marginMs` (slack for the time between admission and the request leaving, so the
 * server never sees more than the rate). FIFO within a key. One process only; share one instance.
 */
export function createMemoryRateLimiter(
  options: { marginMs?: number; now?: () => number; sleep?: (ms: number, signal?: AbortSignal) => Promise<void> } = {},
): RateLimiter {
  const windowMs = 1000 + (options.marginMs ?? 50);
  const now = options.now ?? (() => performance.now());
  const wait = options.sleep ?? sleep;
  const lanes = new Map<string, Lane>();

  const admit = async (lane: Lane, perSecond: number, signal?: AbortSignal) => {
    for (;;) {
      signal?.throwIfAborted();
      const t = now();
      while (lane.grants.length && lane.grants[0] <= t - windowMs) lane.grants.shift();
      if (lane.grants.length < perSecond) {
        lane.grants.push(t);
        return;
      }
      await wait(lane.grants[0] + windowMs - t + 1, signal);
    }
  };

  return {
    acquire(key, perSecond, signal) {
      if (!(perSecond > 0)) throw new RangeError("perSecond must be positive");
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = { grants: [], tail: Promise.resolve() }));
      const l = lane;
      const turn = l.tail.then(() => admit(l, perSecond, signal));
      l.tail = turn.catch(() => undefined);
      return turn;
    },
  };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
