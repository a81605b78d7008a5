import { safeLog, type CallLogger, type CallLogEntry } from "./call-logger";
import { fillPath, type Args, type Endpoint, type Result } from "./endpoints/define";
import {
  errorFromResponse,
  WallexAuthenticationError,
  WallexConnectionError,
  WallexError,
  WallexInvalidResponseError,
  WallexRateLimitError,
  WallexUnknownOutcomeError,
} from "./errors";
import {
  backoffMs,
  onBehalfOfParam,
  parseInput,
  queryString,
  readBody,
  retryAfterMs,
  withField,
  type OnBehalfOf,
} from "./http";
import type { RateLimiter } from "./rate-limiter";
import { redact } from "./redact";
import { toJson } from "./schemas/wire-decimal";
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
  /** Put the (redacted) request body in log entries. */
  logBodies: boolean;
  /** Waits between retries. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
};

type Prepared = {
  url: string;
  path: string;
  json?: string;
  retryable: boolean;
  requestId: string;
  base: Omit<CallLogEntry, "attempt" | "willRetry" | "durationMs" | "at">;
};

/** Validates the caller's input, places onBehalfOf, builds the URL and the JSON body. */
function prepare(core: Core, operation: string, ep: Endpoint, args: unknown, options: CallOptions): Prepared {
  const a = (args ?? {}) as Record<string, unknown>;
  const path = fillPath(ep.path, a);
  let body: unknown = ep.body ? parseInput(ep.body, a.body, "body") : a.body;
  let query = (ep.query ? parseInput(ep.query, a.query ?? {}, "query") : a.query) as
    Record<string, unknown> | undefined;
  if (options.onBehalfOf) {
    const [k, v] = onBehalfOfParam(options.onBehalfOf);
    if (ep.method === "GET" || ep.method === "DELETE") query = { ...query, [k]: v };
    else body = withField(body, k, v);
  }
  const requestId = core.requestId();
  return {
    url: `${core.baseUrl}${path}${queryString(query)}`,
    path,
    requestId,
    json: body === undefined ? undefined : toJson(body),
    retryable: ep.method === "GET" || ep.idempotent === true,
    base: {
      tenant: core.tenant,
      operation,
      method: ep.method,
      pathTemplate: ep.path,
      path,
      requestId,
      onBehalfOf: options.onBehalfOf,
      query: redact(query),
      requestBody: core.logBodies ? redact(body) : undefined,
    },
  };
}

/** One call: validation, onBehalfOf placement, token, limiter, timeout, retries, parsing, error mapping, logs. */
export async function call<E extends Endpoint>(
  core: Core,
  operation: string,
  ep: E,
  args: Args<E> | undefined,
  options: CallOptions = {},
): Promise<Result<E>> {
  const req = prepare(core, operation, ep, args, options);
  let reauthenticated = false;
  let retries = 0;
  for (let attempt = 1; ; attempt++) {
    const token = ep.noAuth || !core.token ? undefined : await core.token.get();
    const canRetry = req.retryable && retries < core.retry.maxRetries;
    const outcome = await attemptOnce(core, ep, req, options, {
      attempt,
      token,
      canRetry,
      retry: retries + 1,
      canReauth: !reauthenticated,
    });
    if (outcome.done) return outcome.data as Result<E>;
    if (outcome.reauth) {
      reauthenticated = true;
      await core.token!.reject(token!);
      continue;
    }
    retries++;
    await core.sleep(outcome.waitMs, options.signal).catch((cause) => {
      throw new WallexConnectionError(`${ep.method} ${ep.path}: aborted while waiting to retry`, {
        method: ep.method,
        path: req.path,
        requestId: req.requestId,
        cause,
      });
    });
  }
}

type Outcome =
  { done: true; data: unknown } | { done: false; reauth: true } | { done: false; reauth: false; waitMs: number };
type AttemptState = { attempt: number; token?: string; canRetry: boolean; retry: number; canReauth: boolean };

/** One HTTP attempt: returns the parsed data or what to do next; throws the final error. */
async function attemptOnce(
  core: Core,
  ep: Endpoint,
  req: Prepared,
  options: CallOptions,
  st: AttemptState,
): Promise<Outcome> {
  const headers: Record<string, string> = {
    "X-Api-Key": core.apiKey,
    Accept: "application/json",
    "X-Request-ID": req.requestId,
  };
  if (st.token) headers.Authorization = core.authorization(st.token);
  if (req.json !== undefined) headers["Content-Type"] = "application/json";
  await core.limiter.acquire(core.tenant, core.perSecond, options.signal);
  // The timeout starts once the limiter admits us: time spent queueing is not Wallex's.
  const timeout = AbortSignal.timeout(options.timeoutMs ?? core.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const started = performance.now();
  const log = (entry: Partial<CallLogEntry>) =>
    safeLog(core.logger, {
      ...req.base,
      attempt: st.attempt,
      willRetry: false,
      durationMs: Math.round(performance.now() - started),
      at: new Date().toISOString(),
      ...entry,
    });
  const init = { method: ep.method, path: req.path, requestId: req.requestId };

  let res: Response;
  let payload: unknown;
  try {
    res = await core.fetch(req.url, { method: ep.method, headers, body: req.json, signal });
    payload = await readBody(res);
  } catch (cause) {
    const kind = options.signal?.aborted ? "aborted" : timeout.aborted ? "timeout" : "network";
    const again = st.canRetry && kind !== "aborted";
    log({ errorKind: kind, willRetry: again });
    if (again)
      return { done: false, reauth: false, waitMs: backoffMs(st.retry, core.retry.baseDelayMs, core.retry.maxDelayMs) };
    const text = `${ep.method} ${ep.path}: ${kind === "timeout" ? "timed out" : kind === "aborted" ? "aborted" : "network error"}`;
    throw req.retryable
      ? new WallexConnectionError(text, { ...init, cause })
      : new WallexUnknownOutcomeError(text, { ...init, cause });
  }

  if (res.ok) {
    const parsed = ep.response.safeParse(payload);
    log({ status: res.status, errorKind: parsed.success ? undefined : "invalid_response" });
    if (parsed.success) return { done: true, data: parsed.data };
    const err = new WallexInvalidResponseError(`${ep.method} ${ep.path}: response does not match its schema`, {
      ...init,
      status: res.status,
      raw: payload,
    });
    err.issues = parsed.error.issues;
    throw err;
  }

  const error =
    !req.retryable && (res.status === 502 || res.status === 504)
      ? new WallexUnknownOutcomeError(`${ep.method} ${ep.path}: gateway ${res.status}`, {
          ...init,
          status: res.status,
          raw: payload,
        })
      : errorFromResponse(res.status, payload, init);
  const reauth = error instanceof WallexAuthenticationError && st.token !== undefined && st.canReauth;
  const wait = reauth ? undefined : retryWait(error, res, st.canRetry, st.retry, core.retry);
  log({
    status: res.status,
    errorKind: error.kind,
    errorBody: redact(payload),
    willRetry: reauth || wait !== undefined,
  });
  if (reauth) return { done: false, reauth: true };
  if (wait === undefined) throw error;
  return { done: false, reauth: false, waitMs: wait };
}

/** How long to wait before retrying a failed answer, or undefined to give up. */
function retryWait(
  error: WallexError,
  res: Response,
  canRetry: boolean,
  retry: number,
  policy: RetryPolicy,
): number | undefined {
  const after = retryAfterMs(res.headers.get("retry-after"));
  if (error instanceof WallexRateLimitError) error.retryAfterMs = after;
  if (!canRetry || !(res.status === 429 || res.status >= 500)) return undefined;
  if (after !== undefined) return after <= policy.maxRetryAfterMs ? after : undefined;
  return backoffMs(retry, policy.baseDelayMs, policy.maxDelayMs);
}
