import type { StoredToken, TokenStore } from "./token-store";

export const TOKEN_TTL_MS = 8 * 60 * 60 * 1000;

export type TokenManager = {
  /** A token that is valid for at least `refreshAheadMs`; authenticates (once per key at a time) if not. */
  get(): Promise<string>;
  /** After a 401: forget `token` unless another caller already replaced it. */
  reject(token: string): Promise<void>;
};

export function tokenManager(opts: {
  key: string;
  store: TokenStore;
  authenticate: () => Promise<string>;
  ttlMs: number;
  refreshAheadMs: number;
  now: () => number;
}): TokenManager {
  const { key, store, now } = opts;
  const fresh = (t: StoredToken | undefined): t is StoredToken => !!t && now() < t.expiresAt - opts.refreshAheadMs;
  return {
    async get() {
      const cached = await store.get(key);
      if (fresh(cached)) return cached.token;
      return store.singleFlight(key, async () => {
        // Another caller (or process) may have refreshed while we waited for the flight.
        const again = await store.get(key);
        if (fresh(again)) return again.token;
        const issuedAt = now();
        const token = await opts.authenticate();
        await store.set(key, { token, issuedAt, expiresAt: issuedAt + opts.ttlMs });
        return token;
      });
    },
    reject: (token) => store.invalidate(key, token),
  };
}
