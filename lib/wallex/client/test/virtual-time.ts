/**
 * Time that passes only when someone waits: `sleep(ms)` moves the clock to the sleeper's wake-up
 * time at once (concurrent sleepers wake at the latest of their times), so tests of rate limits and
 * retry waits judge what the code decided to wait, not how busy the machine was.
 */
export function virtualTime(start = 0) {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    /** Every wait asked for, in order. */
    slept,
    async sleep(ms: number, signal?: AbortSignal) {
      signal?.throwIfAborted();
      const wake = t + Math.max(0, ms);
      slept.push(ms);
      // Let other callers run first, as a real timer would.
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      t = Math.max(t, wake);
    },
  };
}

export type VirtualTime = ReturnType<typeof virtualTime>;
