export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "PROVIDER_ERROR"
  | "INTERNAL";

const statusByCode: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PROVIDER_ERROR: 502,
  INTERNAL: 500,
};

/** An error whose `userMessage` is safe to show; `fieldErrors` go next to form fields. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(
    code: AppErrorCode,
    opts: { userMessage: string; message?: string; fieldErrors?: Record<string, string[]>; cause?: unknown },
  ) {
    super(opts.message ?? opts.userMessage, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = opts.userMessage;
    this.fieldErrors = opts.fieldErrors;
  }

  get status() {
    return statusByCode[this.code];
  }
}

export const notFound = (what = "Page") => new AppError("NOT_FOUND", { userMessage: `${what} not found.` });
export const forbidden = () => new AppError("FORBIDDEN", { userMessage: "You do not have permission to do that." });
export const fieldError = (field: string, message: string) =>
  new AppError("INVALID_INPUT", { userMessage: message, fieldErrors: { [field]: [message] } });
