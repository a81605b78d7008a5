/** A Wallex session token (8 h, 00-conventions.md §4.1) with the times we manage it by. */
export type StoredToken = {
  token: string;
  /** Epoch ms. */
  issuedAt: number;
  /** Epoch ms: issuedAt + 8 h. */
  expiresAt: number;
};

/**
 * Where session tokens live, keyed by tenant. The in-memory store serves one process; a PostgreSQL store
 * shares tokens across processes (its `singleFlight` takes an advisory lock, re-reads, then runs `fn`).
 */
export interface TokenStore {
  get(key: string): Promise<StoredToken | undefined>;
  set(key: string, token: StoredToken): Promise<void>;
  /**
   * Drops the stored token. With `token`, only if it is still the stored one, so a caller holding a stale
   * token after a 401 cannot throw away the fresh token another caller just obtained.
   */
  invalidate(key: string, token?: string): Promise<void>;
  /** Runs `fn` at most once at a time per key; concurrent callers share its result. */
  singleFlight<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export function createMemoryTokenStore(): TokenStore {
  const tokens = new Map<string, StoredToken>();
  const flights = new Map<string, Promise<unknown>>();
  return {
    async get(key) {
      return tokens.get(key);
    },
    async set(key, token) {
      tokens.set(key, token);
    },
    async invalidate(key, token) {
      if (token === undefined || tokens.get(key)?.token === token) tokens.delete(key);
    },
    singleFlight<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const running = flights.get(key);
      if (running) return running as Promise<T>;
      const flight = fn().finally(() => flights.delete(key));
      flights.set(key, flight);
      return flight;
    },
  };
}
