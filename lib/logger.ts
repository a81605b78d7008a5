import "server-only";
import pino from "pino";
import { env } from "@/lib/env";
import { serializeError } from "@/lib/log-errors";

const REDACTED = [
  "password",
  "*.password",
  "token",
  "*.token",
  "apiKey",
  "*.apiKey",
  "secretAccessKey",
  "*.secretAccessKey",
  "accessKeyId",
  "*.accessKeyId",
  "authorization",
  "*.authorization",
  "headers.authorization",
  'headers["x-api-key"]',
  "code",
  "*.code",
  "accountNumber",
  "*.accountNumber",
];

/**
 * One structured line per event; credentials and personal data are redacted wherever they appear,
 * and errors are logged as what failed, never with the values involved (lib/log-errors.ts).
 * `destination` is for tests that read what was logged.
 */
export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}) {
  return pino(
    {
      level: opts.level ?? env().LOG_LEVEL,
      base: { app: "partner-desk" },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: REDACTED, censor: "[redacted]" },
    },
    opts.destination,
  );
}

export const logger = createLogger();

export type Logger = typeof logger;
