import "server-only";
import type { Database } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { recordApiCall } from "@/lib/data/api-calls";
import { logger } from "@/lib/logger";
import type { CallLogger } from "@/lib/wallex/client/call-logger";

/**
 * Every Wallex attempt of the scope's client, already redacted by the client, as a row for the API
 * log page and a log line.
 */
export function createDbCallLogger(db: Database, scope: TenantScope): CallLogger {
  return {
    async log(entry) {
      if (entry.tenant !== scope.partnerId) throw new Error("call logger given another partner's call than its scope");
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
      await recordApiCall(db, scope, {
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
