import { redact } from "./redact";
import { errorBody, isRecord, type ErrorBody } from "./schemas/common";

export type WallexErrorKind =
  | "invalid_request"
  | "authentication"
  | "permission"
  | "not_found"
  | "rate_limit"
  | "api"
  | "connection"
  | "unknown_outcome"
  | "invalid_response";

export type WallexErrorInit = {
  status?: number;
  code?: string;
  requestId?: string;
  method?: string;
  path?: string;
  fieldErrors?: Record<string, string[]>;
  missingFields?: string[];
  raw?: unknown;
  cause?: unknown;
};

/**
 * Base of every client error. `message` is Wallex's own text (for logs and staff tooling); `userMessage`
 * is ours and safe to show anyone, members included.
 */
export class WallexError extends Error {
  readonly kind: WallexErrorKind = "api";
  readonly userMessage: string = "The payment provider could not complete the request. Please try again later.";
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  readonly method?: string;
  readonly path?: string;
  /** Per-field messages from Wallex (raw text: staff only). */
  readonly fieldErrors: Record<string, string[]>;
  readonly missingFields: string[];
  readonly raw?: unknown;

  constructor(message: string, init: WallexErrorInit = {}) {
    super(message, { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.fieldErrors = init.fieldErrors ?? {};
    this.missingFields = init.missingFields ?? [];
    this.raw = init.raw;
  }

  /** What a logger serialises: the raw body passes through redact(). */
  toJSON() {
    const { name, kind, message, status, code, requestId, method, path, fieldErrors, missingFields } = this;
    return {
      name,
      kind,
      message,
      status,
      code,
      requestId,
      method,
      path,
      fieldErrors,
      missingFields,
      raw: redact(this.raw),
    };
  }
}

export class WallexInvalidRequestError extends WallexError {
  override readonly kind = "invalid_request";
  override readonly userMessage = "Some details were not accepted. Please check them and try again.";
}
export class WallexAuthenticationError extends WallexError {
  override readonly kind = "authentication";
  override readonly userMessage = "The connection to the payment provider is not authorised. Staff have been notified.";
}
/** 403, and 400 `NOT_AUTHORIZED` (D6: feature not enabled, or a member that is not ours). */
export class WallexPermissionError extends WallexError {
  override readonly kind = "permission";
  override readonly userMessage = "This operation is not enabled for this account.";
}
export class WallexNotFoundError extends WallexError {
  override readonly kind = "not_found";
  override readonly userMessage = "The requested record was not found.";
}
export class WallexRateLimitError extends WallexError {
  override readonly kind = "rate_limit";
  override readonly userMessage = "The payment provider is busy. Please try again in a moment.";
  retryAfterMs?: number;
}
export class WallexApiError extends WallexError {
  override readonly kind = "api";
}
export class WallexConnectionError extends WallexError {
  override readonly kind = "connection";
  override readonly userMessage = "The payment provider could not be reached. Please try again later.";
}
/**
 * A write (non-GET) whose outcome we cannot know: timeout, network error, or a gateway 502/504 after the
 * request was sent. Read the resource back (by our reference) before retrying.
 */
export class WallexUnknownOutcomeError extends WallexError {
  override readonly kind = "unknown_outcome";
  override readonly userMessage =
    "We could not confirm whether the request went through. Please check its status before trying again.";
}
/** A 2xx whose body does not fit the endpoint's schema. */
export class WallexInvalidResponseError extends WallexError {
  override readonly kind = "invalid_response";
  issues?: unknown;
}

/** Maps an HTTP error answer to a typed error (stripe-node's `generate`). */
export function errorFromResponse(status: number, body: unknown, init: WallexErrorInit = {}): WallexError {
  const parsed = errorBody.safeParse(body);
  const b: ErrorBody = parsed.success ? parsed.data : {};
  const fieldErrors = collectFieldErrors(b);
  const text = typeof b.message === "string" ? b.message : typeof b.value === "string" ? b.value : `HTTP ${status}`;
  const code = b.error_code ?? (JSON.stringify(body ?? "").includes("NOT_AUTHORIZED") ? "NOT_AUTHORIZED" : undefined);
  const full = { ...init, status, code, fieldErrors, missingFields: b.missingFields, raw: body };
  if (code === "NOT_AUTHORIZED" || status === 403) return new WallexPermissionError(text, full);
  if (status === 400 || status === 422 || status === 409) return new WallexInvalidRequestError(text, full);
  if (status === 401) return new WallexAuthenticationError(text, full);
  if (status === 404) return new WallexNotFoundError(text, full);
  if (status === 429) return new WallexRateLimitError(text, full);
  return new WallexApiError(text, full);
}

/** `errors: [{message: string | string[] | {field: string | string[]}}]` → `{field: [messages]}`. */
function collectFieldErrors(b: ErrorBody): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, m: unknown) => {
    const list = (out[field] ??= []);
    for (const s of Array.isArray(m) ? m : [m]) if (typeof s === "string") list.push(s);
  };
  for (const e of b.errors ?? []) {
    if (isRecord(e.message)) for (const [field, m] of Object.entries(e.message)) add(field, m);
    else if (e.message !== undefined) add("_", e.message);
  }
  for (const f of b.missingFields ?? []) if (!out[f]) add(f, "is required");
  return out;
}
