import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb, type Database, type Executor, type Transaction } from "@/db";
import { auditedAs, type Audited, type AuditNote, type AuditSignature } from "@/lib/audit/audited";
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

export type { AuditNote };

type Common = { scope: StaffScope; meta: RequestMeta; log: Logger };

/** What a handler gets inside its transaction (the default). */
export type StaffActionContext = Common & {
  db: Transaction;
  /** Adds an audit row, written in the same transaction as the mutation. */
  audit: (note: AuditNote) => void;
};

/** What a `transaction: false` handler (one that calls Wallex) gets: the plain database. */
export type OutsideTransactionContext = Common & {
  db: Database;
  /** A database change of the action's own, committed together with its audit rows (see `Audited`). */
  audited: Audited;
  /** An audit row for what happened outside our database (a Wallex call, a re-read), written once the handler returns. */
  audit: (note: AuditNote) => void;
};

type RawInput = FormData | Record<string, unknown>;
type Options<S> = { name: string; schema: S; permission: Permission; unaudited?: string };
type Handler<S extends z.ZodType, T, C> = (input: z.output<S>, ctx: C) => Promise<T>;
type StaffAction<T> = (prev: ActionResult<T> | undefined, raw: RawInput) => Promise<ActionResult<T>>;

/**
 * The one way in for staff mutations: session → tenant scope (from the partner slug the page
 * posts) → permission → zod → handler and audit rows in one transaction → an ActionResult that
 * `useActionState` reads. Unexpected errors are logged with a reference and shown generically.
 *
 * Actions that call Wallex pass `transaction: false`: no transaction may stay open across that
 * call. Their handler calls Wallex first and then passes its own database change to `audited`,
 * which runs it with its audit rows in one short transaction, so a change never commits without
 * its row and a row is never written for a change that rolled back. `audit` notes (for what
 * happened only at Wallex) are written when the handler returns. An action that recorded nothing
 * either way still gets one row under its name.
 *
 * The rare action whose write is not tenant data worth auditing (a person's own read marker) says
 * why in `unaudited`; it then writes no audit row and may not add one.
 */
export function defineStaffAction<S extends z.ZodType, T>(
  opts: Options<S> & { transaction: false },
  handler: (input: z.output<S>, ctx: OutsideTransactionContext) => Promise<T>,
): StaffAction<T>;
export function defineStaffAction<S extends z.ZodType, T>(
  opts: Options<S> & { transaction?: true },
  handler: (input: z.output<S>, ctx: StaffActionContext) => Promise<T>,
): StaffAction<T>;
export function defineStaffAction<S extends z.ZodType, T>(
  opts: Options<S> & { transaction?: boolean },
  handler: Handler<S, T, StaffActionContext> | Handler<S, T, OutsideTransactionContext>,
): StaffAction<T> {
  return async (_prev, raw) => {
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
      const trail = auditTrail(opts, {
        scope,
        actor: { userId: user.id, email: user.email },
        requestId: meta.requestId,
        ip: meta.ip,
        action: opts.name,
      });
      const common = { scope, meta, log: ctxLog, audit: trail.audit };

      let result: T;
      if (opts.transaction === false) {
        const db = getDb();
        const run = handler as Handler<S, T, OutsideTransactionContext>;
        result = await run(parsed.data, { ...common, db, audited: trail.auditedOn(db) });
        await trail.flush(db);
      } else {
        const run = handler as Handler<S, T, StaffActionContext>;
        result = await getDb().transaction(async (tx) => {
          const value = await run(parsed.data, { ...common, db: tx });
          await trail.flush(tx);
          return value;
        });
      }
      ctxLog.info("action done");
      return { ok: true, data: result };
    } catch (error) {
      return failure(error, log, data);
    }
  };
}

/**
 * The audit side of one run: `audit` notes wait for `flush`, `audited` writes commit with their
 * own rows, and a run that recorded nothing either way gets one row under the action's name.
 */
function auditTrail(opts: { name: string; unaudited?: string }, signature: AuditSignature) {
  const notes: AuditNote[] = [];
  let auditedWrites = 0;
  const refuseUnaudited = () => {
    if (opts.unaudited) throw new Error(`${opts.name} is declared unaudited: ${opts.unaudited}`);
  };
  return {
    audit(note: AuditNote) {
      refuseUnaudited();
      notes.push(note);
    },
    auditedOn(db: Database): Audited {
      const commit = auditedAs(db, signature);
      return async (write, written) => {
        refuseUnaudited();
        const value = await commit(write, written);
        auditedWrites++;
        return value;
      };
    },
    async flush(db: Executor) {
      const rows = notes.length || auditedWrites || opts.unaudited ? notes : [{}];
      const { scope, ...entry } = signature;
      for (const note of rows) await recordAudit(db, scope, { ...entry, ...note, action: note.action ?? entry.action });
    },
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
