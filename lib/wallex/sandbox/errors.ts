import { CHOICES } from "./config";

export type FieldErrors = Record<string, string[]>;

/** An API error in Wallex's shape (00-conventions.md §5.2): message, error_code, errors, missingFields. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly fields?: FieldErrors,
    readonly missingFields?: string[],
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    // Gateway-level errors (403 key, 429) carry only a message, like API Gateway does.
    if (this.code === "FORBIDDEN" || this.code === "RATE_LIMITED") return { message: this.message };
    const body: Record<string, unknown> = { message: this.message, error_code: this.code };
    if (this.fields && Object.keys(this.fields).length) body.errors = [{ message: this.fields }];
    if (this.missingFields) body.missingFields = this.missingFields;
    return body;
  }
}

export const forbidden = () => new SandboxError(403, "Forbidden", "FORBIDDEN");
export const unauthenticated = () => new SandboxError(401, "authentication_failed", "authentication_failed");
export const tooManyRequests = (daily = false) =>
  new SandboxError(429, daily ? "Limit Exceeded" : "Too Many Requests", "RATE_LIMITED");
export const notAuthorized = (status: number = CHOICES.disabledFeatureStatus) =>
  new SandboxError(status, "NOT_AUTHORIZED", "NOT_AUTHORIZED");
export const notFound = (what: string) => new SandboxError(404, `${what} not found`, "NOT_FOUND");

/** 400 naming the offending field(s). */
export function invalid(field: string, message: string): SandboxError {
  return new SandboxError(400, `${field}: ${message}`, "VALIDATION_ERROR", { [field]: [message] });
}

export function invalidFields(fields: FieldErrors, missingFields?: string[]): SandboxError {
  const [first] = Object.entries(fields);
  const message = first ? `${first[0]}: ${first[1][0]}` : "invalid request";
  return new SandboxError(400, message, "VALIDATION_ERROR", fields, missingFields?.length ? missingFields : undefined);
}

export const badState = (message: string) => new SandboxError(400, message, "INVALID_STATE");
