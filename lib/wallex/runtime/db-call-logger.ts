import "server-only";
import type { Database } from "@/db";
import { wallexApiCalls } from "@/db/schema";
import { logger } from "@/lib/logger";
import type { CallLogger } from "@/lib/wallex/client/call-logger";

/** Every Wallex attempt, already redacted by the client, as a row for the API log page and a log line. */
export function createDbCallLogger(db: Database): CallLogger {
  return {
    async log(entry) {
      logger.info(
        {
          wallex: {
            partnerId: entry.tenant,
            op: entry.operation,
            status: entry.status,
            ms: entry.durationMs,
            requestId: entry.requestId,
            attempt: entry.attempt,
            error: entry.errorKind,
          },
        },
        "wallex call",
      );
      await db.insert(wallexApiCalls).values({
        partnerId: entry.tenant,
        operation: entry.operation,
        method: entry.method,
        pathTemplate: entry.pathTemplate,
        path: entry.path,
        status: entry.status ?? null,
        durationMs: Math.round(entry.durationMs),
        requestId: entry.requestId,
        attempt: entry.attempt,
        errorKind: entry.errorKind ?? null,
        willRetry: entry.willRetry,
        onBehalfOf: entry.onBehalfOf ?? null,
        query: entry.query ?? null,
        requestBody: entry.requestBody ?? null,
        errorBody: entry.errorBody ?? null,
        createdAt: new Date(entry.at),
      });
    },
  };
}
