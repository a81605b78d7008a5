/** Per-API-key limiter: a token bucket of perSecond requests, plus a daily cap (00-conventions.md §6). */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number; day: number; count: number }>();

  constructor(
    private perSecond: number,
    private perDay: number,
    private now: () => number,
  ) {}

  /** "ok", or which limit was hit. */
  take(key: string): "ok" | "second" | "day" {
    const now = this.now();
    const day = Math.floor(now / 86_400_000);
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { tokens: this.perSecond, at: now, day, count: 0 }));
    b.tokens = Math.min(this.perSecond, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.day !== day) Object.assign(b, { day, count: 0 });
    if (b.count >= this.perDay) return "day";
    if (b.tokens < 1) return "second";
    b.tokens -= 1;
    b.count += 1;
    return "ok";
  }
}
