import { DrizzleQueryError } from "drizzle-orm/errors";

type Serialized = Record<string, unknown>;

/** The part of a stack that says where, without its first line (the message, which may carry data). */
const framesOf = (error: Error) =>
  error.stack
    ?.split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");

/** PostgreSQL's fields that name things (the rest, detail/where/hint, quote row values). */
const PG_NAMES = ["table", "column", "constraint", "schema", "dataType"] as const;

function isPgError(error: Error): error is Error & Record<string, unknown> & { code: string; routine?: string } {
  const e = error as Error & { code?: unknown; severity?: unknown };
  return typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === "string";
}

/** "invalid input syntax for type uuid: "abc"" → the quoted value goes, quoted names stay. */
function scrubPgMessage(error: Error & Record<string, unknown>) {
  const names = new Set(PG_NAMES.map((k) => error[k]).filter((v): v is string => typeof v === "string"));
  return error.message.replace(/"([^"]*)"/g, (whole, inner: string) => (names.has(inner) ? whole : '"[redacted]"'));
}

/**
 * pino's `err` serializer: the failure, not the data. A failed query keeps its SQL text (placeholders
 * only) and the database's SQLSTATE, never its parameters, which drizzle also writes into the
 * message; PostgreSQL's detail and quoted values go too. Causes are serialized the same way.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error))
    return typeof error === "object" && error !== null ? { type: "non-error object" } : error;
  const out: Serialized = { type: error.constructor?.name ?? error.name };
  if (error instanceof DrizzleQueryError) {
    out.message = "Failed query";
    out.query = error.query;
    out.paramCount = error.params?.length ?? 0;
  } else if (isPgError(error)) {
    out.message = scrubPgMessage(error);
    out.sqlState = error.code;
    for (const key of [...PG_NAMES, "routine"]) if (typeof error[key] === "string") out[key] = error[key];
  } else {
    out.message = error.message;
    const { code, status } = error as { code?: unknown; status?: unknown };
    // Not "code": the logger redacts that key everywhere (it is also the name of a 2FA code).
    if (typeof code === "string" || typeof code === "number") out.errorCode = code;
    if (typeof status === "number") out.status = status;
  }
  out.stack = framesOf(error);
  if (error.cause !== undefined && depth < 4) out.cause = serializeError(error.cause, depth + 1);
  return out;
}
