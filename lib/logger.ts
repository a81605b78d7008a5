import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

/** One structured line per event; credentials and personal data are redacted wherever they appear. */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { app: "partner-desk" },
  redact: {
    paths: [
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
    ],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;
