/** Time source. The manual clock lets tests move time without sleeping. */
export interface Clock {
  now(): number;
  readonly manual: boolean;
}

export function systemClock(): Clock {
  return { now: () => Date.now(), manual: false };
}

export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(start: number | string | Date = "2026-01-05T08:00:00Z"): ManualClock {
  let t = new Date(start).getTime();
  return {
    manual: true,
    now: () => t,
    set: (ms) => void (t = ms),
    advance: (ms) => void (t += ms),
  };
}

/** ISO 8601 UTC with second precision, e.g. 2022-06-28T11:55:37Z. */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
