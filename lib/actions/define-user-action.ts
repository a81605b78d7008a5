import "server-only";
import { z } from "zod";
import { getDb, type Transaction } from "@/db";
import { recordAuditForUser } from "@/lib/audit/record-for-user";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logger, type Logger } from "@/lib/logger";
import { getRequestMeta, type RequestMeta } from "@/lib/request-context";
import { failure, invalid, toPlainObject, type ActionResult } from "./define-action";

export type UserActionContext = { db: Transaction; user: CurrentUser; meta: RequestMeta; log: Logger };

/**
 * Mutations of a person's own account (no tenant): session → zod → handler in a transaction with
 * an audit row in each partner they staff.
 */
export function defineUserAction<S extends z.ZodType, T>(
  opts: { name: string; schema: S },
  handler: (input: z.output<S>, ctx: UserActionContext) => Promise<T>,
) {
  return async (
    _prev: ActionResult<T> | undefined,
    raw: FormData | Record<string, unknown>,
  ): Promise<ActionResult<T>> => {
    const data = toPlainObject(raw);
    const log = logger.child({ action: opts.name });
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHENTICATED", { userMessage: "Your session has ended. Sign in again." });
      const parsed = opts.schema.safeParse(data);
      if (!parsed.success) return invalid(parsed.error, data);
      const meta = await getRequestMeta();
      const value = await getDb().transaction(async (tx) => {
        const result = await handler(parsed.data, { db: tx, user, meta, log: log.child({ userId: user.id }) });
        await recordAuditForUser(tx, user, meta, { action: opts.name });
        return result;
      });
      return { ok: true, data: value };
    } catch (error) {
      return failure(error, log, data);
    }
  };
}
