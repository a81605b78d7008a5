import type { CallLogger } from "./call-logger";
import { ENDPOINTS, type Endpoints } from "./endpoints";
import type { Args, Endpoint, Result } from "./endpoints/define";
import { createMemoryRateLimiter, sleep, type RateLimiter } from "./rate-limiter";
import { call, type CallOptions, type Core, type RetryPolicy } from "./request";
import { TOKEN_TTL_MS, tokenManager } from "./token";
import { createMemoryTokenStore, type TokenStore } from "./token-store";
import { uploadFile } from "./upload";

export type WallexClientOptions = {
  /** Bare host (D2): https://api.wallex.asia, https://api-demo.wallex.asia, or the sandbox. */
  baseUrl: string;
  apiKey: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Key for the token store and the rate limiter: our partner (tenant) id. */
  tenant: string;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Default: one in-memory store per process, shared by every client. */
  tokenStore?: TokenStore;
  /** Default: one in-memory limiter per process, shared by every client. */
  rateLimiter?: RateLimiter;
  /** The tenant's configured rate (00-conventions.md §6). Default 5. */
  maxRequestsPerSecond?: number;
  logger?: CallLogger;
  /** Include the redacted request body in log entries (default false: bodies carry PII). */
  logRequestBodies?: boolean;
  /** Per attempt. Default 30 000. */
  timeoutMs?: number;
  /** Retries of reads. Default { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60 000 }. */
  retry?: Partial<RetryPolicy>;
  /** `Authorization: Bearer <t>` (default) or the raw token; Wallex integrations use both (§3.2). */
  authScheme?: "bearer" | "raw";
  /** Token lifetime (8 h) and how long before expiry to refresh (30 min). */
  tokenTtlMs?: number;
  refreshAheadMs?: number;
  /** Clock for token expiry (tests). */
  now?: () => number;
  /** How the client waits between retries (tests pass a virtual one). Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  requestId?: () => string;
};

type Method<E extends Endpoint> =
  Record<never, never> extends Args<E>
    ? (args?: Args<E>, options?: CallOptions) => Promise<Result<E>>
    : (args: Args<E>, options?: CallOptions) => Promise<Result<E>>;
export type Resource<A extends Record<string, Endpoint>> = { [K in keyof A]: Method<A[K]> };
type Resources = { [A in keyof Endpoints]: Resource<Endpoints[A]> };

export type WallexClient = Resources & {
  /** Calls any endpoint (a table row or an ad-hoc one) through the same pipeline. */
  request<E extends Endpoint>(
    endpoint: E,
    args?: Args<E>,
    options?: CallOptions & { operation?: string },
  ): Promise<Result<E>>;
  /** Revokes the session token at Wallex and forgets it. */
  logout(): Promise<void>;
  /** PUT a file to a pre-signed uploadURL (no Wallex headers). */
  uploadFile(uploadURL: string, data: Blob | ArrayBuffer | Uint8Array, contentType: string): Promise<void>;
};

const sharedTokens = createMemoryTokenStore();
const sharedLimiter = createMemoryRateLimiter();

export function createWallexClient(options: WallexClientOptions): WallexClient {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const store = options.tokenStore ?? sharedTokens;
  const core: Core = {
    tenant: options.tenant,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    apiKey: options.apiKey,
    fetch: fetchFn,
    limiter: options.rateLimiter ?? sharedLimiter,
    perSecond: options.maxRequestsPerSecond ?? 5,
    logger: options.logger,
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000, ...options.retry },
    authorization: options.authScheme === "raw" ? (t) => t : (t) => `Bearer ${t}`,
    requestId: options.requestId ?? (() => crypto.randomUUID()),
    logBodies: options.logRequestBodies ?? false,
    sleep: options.sleep ?? sleep,
  };
  const credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
  const token = tokenManager({
    key: options.tenant,
    store,
    authenticate: async () =>
      (await call(core, "auth.authenticate", ENDPOINTS.auth.authenticate, { body: credentials })).token,
    ttlMs: options.tokenTtlMs ?? TOKEN_TTL_MS,
    refreshAheadMs: options.refreshAheadMs ?? 30 * 60 * 1000,
    now: options.now ?? Date.now,
  });
  core.token = token;

  const resources = Object.fromEntries(
    Object.entries(ENDPOINTS).map(([area, table]) => [
      area,
      Object.fromEntries(
        Object.entries(table).map(([name, ep]) => [
          name,
          (args?: unknown, opts?: CallOptions) => call(core, `${area}.${name}`, ep as Endpoint, args as never, opts),
        ]),
      ),
    ]),
  ) as Resources;

  return {
    ...resources,
    request: (endpoint, args, opts) =>
      call(core, opts?.operation ?? `${endpoint.method} ${endpoint.path}`, endpoint, args, opts),
    async logout() {
      const current = await store.get(options.tenant);
      if (!current) return;
      await call(core, "auth.logout", ENDPOINTS.auth.logout, {});
      await token.reject(current.token);
    },
    uploadFile: (url, data, contentType) => uploadFile(fetchFn, url, data, contentType, core.timeoutMs),
  };
}

export { ENDPOINTS } from "./endpoints";
export { endpoint, type Endpoint, type HttpMethod } from "./endpoints/define";
export * from "./errors";
export { createMemoryRateLimiter, type RateLimiter } from "./rate-limiter";
export { createMemoryTokenStore, type StoredToken, type TokenStore } from "./token-store";
export type { CallLogger, CallLogEntry } from "./call-logger";
export type { CallOptions, RetryPolicy } from "./request";
export type { OnBehalfOf } from "./http";
export { redact, maskAccountNumber, maskEmail } from "./redact";
export { normalizeEnum } from "./schemas/common";
export { notification, type WallexNotification } from "./schemas/notification";
