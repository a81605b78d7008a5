import { safeLog, type CallLogger, type CallLogEntry } from "./call-logger";
import { fillPath, type Args, type Endpoint, type Result } from "./endpoints/define";
import {
  errorFromResponse, WallexAuthenticationError, WallexConnectionError, WallexError, WallexInvalidResponseError,
  WallexRateLimitError, WallexUnknownOutcomeError,
} from "./errors";
import { backoffMs, onBehalfOfParam, parseInput, queryString, readBody, retryAfterMs, withField, type OnBehalfOf } from "./http";
import type { RateLimiter } from "./rate-limiter";
import { sleep } from "./rate-limiter";
import { redact } from "./redact";
import { toJson } from "./schemas/money";
import type { TokenManager } from "./token";

export type CallOptions = {
  /** The member to act for; filled from our database, never from the browser. */
  onBehalfOf?: OnBehalfOf;
  signal?: AbortSignal;
  timeoutMs?: number;
};

export type RetryPolicy = { maxRetries: number; baseDelayMs: number; maxDelayMs: number; maxRetryAfterMs: number };

export type Core = {
  tenant: string;
  baseUrl: string;
  apiKey: string;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  limiter: RateLimiter;
  perSecond: number;
  logger?: CallLogger;
  timeoutMs: number;
  retry: RetryPolicy;
  authorization: (token: string) => string;
  token?: TokenManager;
  requestId: () => string;
};

/** One call: validation, onBehalfOf placement, token, limiter, timeout, retries, parsing, error mapping, logs. */
export async function call<E extends Endpoint>(core: Core, operation: string, ep: E, args: Args<E> | undefined, options: CallOptions = {}): Promise<Result<E>> {
  const a = (args ?? {}) as Record<string, unknown>;
  const path = fillPath(ep.path, a);
  let body: unknown = ep.body ? parseInput(ep.body, a.body, "body") : a.body;
  let query = (ep.query ? parseInput(ep.query, a.query ?? {}, "query") : a.query) as Record<string, unknown> | undefined;
  const inQuery = ep.method === "GET" || ep.method === "DELETE";
  if (options.onBehalfOf) {
    const [k, v] = onBehalfOfParam(options.onBehalfOf);
    if (inQuery) query = { ...query, [k]: v };
    else body = withField(body, k, v);
  }
  const url = `${core.baseUrl}${path}${queryString(query)}`;
  const retryable = ep.method === "GET" || ep.idempotent === true;
  const requestId = core.requestId();
  const base = {
    tenant: core.tenant, operation, method: ep.method, pathTemplate: ep.path, path, requestId,
    onBehalfOf: options.onBehalfOf, query: redact(query), requestBody: redact(body),
  };
  const json = body === undefined ? undefined : toJson(body);
  let reauthenticated = false;
  let retries = 0;

  for (let attempt = 1; ; attempt++) {
    const token = ep.noAuth || !core.token ? undefined : await core.token.get();
    const headers: Record<string, string> = { "X-Api-Key": core.apiKey, Accept: "application/json", "X-Request-ID": requestId };
    if (token) headers.Authorization = core.authorization(token);
    if (json !== undefined) headers["Content-Type"] = "application/json";
    await core.limiter.acquire(core.tenant, core.perSecond, options.signal);
    // The timeout starts once the limiter admits us: time spent queueing is not Wallex's.
    const timeout = AbortSignal.timeout(options.timeoutMs ?? core.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

    const started = performance.now();
    const log = (entry: Partial<CallLogEntry>) => safeLog(core.logger, {
      ...base, attempt, willRetry: false, durationMs: Math.round(performance.now() - started), at: new Date().toISOString(), ...entry,
    });
    const canRetry = retryable && retries < core.retry.maxRetries;

    let res: Response;
    let payload: unknown;
    try {
      res = await core.fetch(url, { method: ep.method, headers, body: json, signal });
      payload = await readBody(res);
    } catch (cause) {
      const kind = options.signal?.aborted ? "aborted" : timeout.aborted ? "timeout" : "network";
      const again = canRetry && kind !== "aborted";
      log({ errorKind: kind, willRetry: again });
      if (again) {
        await sleep(backoffMs(++retries, core.retry.baseDelayMs, core.retry.maxDelayMs), options.signal);
        continue;
      }
      const init = { method: ep.method, path, requestId, cause };
      const text = `${ep.method} ${ep.path}: ${kind === "timeout" ? "timed out" : kind === "aborted" ? "aborted" : "network error"}`;
      throw retryable ? new WallexConnectionError(text, init) : new WallexUnknownOutcomeError(text, init);
    }

    if (res.ok) {
      const parsed = ep.response.safeParse(payload);
      if (parsed.success) {
        log({ status: res.status });
        return parsed.data as Result<E>;
      }
      log({ status: res.status, errorKind: "invalid_response" });
      const err = new WallexInvalidResponseError(`${ep.method} ${ep.path}: response does not match its schema`, { status: res.status, method: ep.method, path, requestId, raw: payload });
      err.issues = parsed.error.issues;
      throw err;
    }

    const init = { method: ep.method, path, requestId };
    const error = !retryable && (res.status === 502 || res.status === 504)
      ? new WallexUnknownOutcomeError(`${ep.method} ${ep.path}: gateway ${res.status}`, { ...init, status: res.status, raw: payload })
      : errorFromResponse(res.status, payload, init);
    const reauth = error instanceof WallexAuthenticationError && token !== undefined && !reauthenticated;
    const wait = retryWait(error, res, canRetry, retries + 1, core.retry);
    log({ status: res.status, errorKind: error.kind, errorBody: redact(payload), willRetry: reauth || wait !== undefined });
    if (reauth) {
      reauthenticated = true;
      await core.token!.reject(token!);
      continue;
    }
    if (wait === undefined) throw error;
    retries++;
    await sleep(wait, options.signal);
  }
}

/** How long to wait before retrying a failed answer, or undefined to give up. */
function retryWait(error: WallexError, res: Response, canRetry: boolean, retry: number, policy: RetryPolicy): number | undefined {
  const after = retryAfterMs(res.headers.get("retry-after"));
  if (error instanceof WallexRateLimitError) error.retryAfterMs = after;
  if (!canRetry || !(res.status === 429 || res.status >= 500)) return undefined;
  if (after !== undefined) return after <= policy.maxRetryAfterMs ? after : undefined;
  return backoffMs(retry, policy.baseDelayMs, policy.maxDelayMs);
}
