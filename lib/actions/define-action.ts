import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb, type Executor } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import type { Permission } from "@/lib/auth/permissions";
import { assertCan, findStaffScope, scopeProblemError, type StaffScope } from "@/lib/auth/scope";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logger, type Logger } from "@/lib/logger";
import { getRequestMeta, type RequestMeta } from "@/lib/request-context";
import { WallexError } from "@/lib/wallex/client/errors";

export type FieldErrors = Record<string, string[] | undefined>;
export type ActionResult<T = void> =
  | { ok: true; data: T; message?: string }
  | { ok: false; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export type AuditNote = {
  action?: string;
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  memberId?: string | null;
};

export type StaffActionContext = {
  /** The action's transaction; the plain database for actions that call Wallex (`transaction: false`). */
  db: Executor;
  scope: StaffScope;
  meta: RequestMeta;
  log: Logger;
  /** Adds an audit row, written in the same transaction as the mutation. */
  audit: (note: AuditNote) => void;
};

type RawInput = FormData | Record<string, unknown>;

/**
 * The one way in for staff mutations: session → tenant scope (from the partner slug the page
 * posts) → permission → zod → handler and audit rows in one transaction → an ActionResult that
 * `useActionState` reads. Unexpected errors are logged with a reference and shown generically.
 * Actions that call Wallex pass `transaction: false`: no transaction may stay open across that call,
 * so their audit rows are written once the handler has succeeded.
 * The rare action whose write is not tenant data worth auditing (a person's own read marker) says
 * why in `unaudited`; it then writes no audit row and may not add one.
 */
export function defineStaffAction<S extends z.ZodType, T>(
  opts: { name: string; schema: S; permission: Permission; transaction?: boolean; unaudited?: string },
  handler: (input: z.output<S>, ctx: StaffActionContext) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | undefined, raw: RawInput): Promise<ActionResult<T>> => {
    const data = toPlainObject(raw);
    const log = logger.child({ action: opts.name });
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("UNAUTHENTICATED", { userMessage: "Your session has ended. Sign in again." });
      const found = await findStaffScope(user, String(data.partnerSlug ?? ""));
      if ("problem" in found) throw scopeProblemError(found.problem);
      const { scope } = found;
      assertCan(scope, opts.permission);

      const parsed = opts.schema.safeParse(data);
      if (!parsed.success) return invalid(parsed.error, data);

      const meta = await getRequestMeta();
      const ctxLog = log.child({ requestId: meta.requestId, userId: user.id, partnerId: scope.partnerId });
      const run = async (db: Executor) => {
        const notes: AuditNote[] = [];
        const audit = (n: AuditNote) => {
          if (opts.unaudited) throw new Error(`${opts.name} is declared unaudited: ${opts.unaudited}`);
          notes.push(n);
        };
        const value = await handler(parsed.data, { db, scope, meta, log: ctxLog, audit });
        for (const note of notes.length || opts.unaudited ? notes : [{}]) {
          await recordAudit(db, scope, {
            action: note.action ?? opts.name,
            actor: { userId: user.id, email: user.email },
            memberId: note.memberId,
            target: note.target,
            before: note.before,
            after: note.after,
            requestId: meta.requestId,
            ip: meta.ip,
          });
        }
        return value;
      };
      const result = opts.transaction === false ? await run(getDb()) : await getDb().transaction(run);
      ctxLog.info("action done");
      return { ok: true, data: result };
    } catch (error) {
      return failure(error, log, data);
    }
  };
}

export function toPlainObject(raw: RawInput): Record<string, unknown> {
  if (!(raw instanceof FormData)) return raw ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of raw.entries()) if (!key.startsWith("$ACTION")) out[key] = value;
  return out;
}

/** Text fields echoed back so a failed form keeps what the person typed (never passwords). */
function echo(data: Record<string, unknown>) {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === "string" && !/password|code|secret|key/i.test(key)) values[key] = value;
  }
  return values;
}

export function invalid(error: z.ZodError, data: Record<string, unknown>): ActionResult<never> {
  return { ok: false, fieldErrors: z.flattenError(error).fieldErrors as FieldErrors, values: echo(data) };
}

export function failure(error: unknown, log: Logger, data: Record<string, unknown>): ActionResult<never> {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    // A message that belongs to a field is shown there only.
    const formError = error.fieldErrors ? undefined : error.userMessage;
    return { ok: false, formError, fieldErrors: error.fieldErrors, values: echo(data) };
  }
  if (error instanceof WallexError) {
    log.warn({ err: error }, "Wallex refused or did not answer");
    return { ok: false, formError: error.userMessage, values: echo(data) };
  }
  const reference = randomUUID().slice(0, 8);
  log.error({ err: error, reference }, "action failed");
  return {
    ok: false,
    formError: `Something went wrong. Please try again (reference ${reference}).`,
    values: echo(data),
  };
}
