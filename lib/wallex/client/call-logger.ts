import type { WallexErrorKind } from "./errors";

/** One line per HTTP attempt to Wallex. Bodies and queries are already redacted. */
export type CallLogEntry = {
  tenant: string;
  /** Table name, e.g. "payments.create". */
  operation: string;
  method: string;
  /** e.g. "/v2/payments/{simplePaymentId}/fund". */
  pathTemplate: string;
  /** The concrete path, without the query. */
  path: string;
  /** HTTP status; undefined when no answer arrived. */
  status?: number;
  durationMs: number;
  /** The X-Request-ID we sent (one per call, shared by its attempts). */
  requestId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Set when the attempt failed. "timeout" and "network" are transport failures. */
  errorKind?: WallexErrorKind | "timeout" | "network" | "aborted";
  /** The client will try again (retry or re-authenticate). */
  willRetry: boolean;
  onBehalfOf?: { user: string } | { account: string };
  query?: Record<string, unknown>;
  /** Only with `logRequestBodies: true`. */
  requestBody?: unknown;
  /** Wallex's error answer, redacted; never a success body. */
  errorBody?: unknown;
  at: string;
};

export interface CallLogger {
  /** Must not throw; a rejected promise is ignored. */
  log(entry: CallLogEntry): void | Promise<void>;
}

export function safeLog(logger: CallLogger | undefined, entry: CallLogEntry) {
  if (!logger) return;
  try {
    void Promise.resolve(logger.log(entry)).catch(() => undefined);
  } catch {
    // a broken logger never breaks a payment
  }
}
