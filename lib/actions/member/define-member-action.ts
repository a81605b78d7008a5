import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb, type Transaction } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import type { AuditNote } from "@/lib/audit/audited";
import { getCurrentMemberScope } from "@/lib/auth/member-session";
import type { MemberScope } from "@/lib/auth/tenant-scope";
import { AppError } from "@/lib/errors";
import { logger, type Logger } from "@/lib/logger";
import { getRequestMeta, type RequestMeta } from "@/lib/request-context";
import { invalid, toPlainObject, type ActionResult } from "../define-action";

const _rootTranslator = () => getTranslations();
export type Translator = Awaited<ReturnType<typeof _rootTranslator>>;

export type MemberActionContext = {
  db: Transaction;
  scope: MemberScope;
  meta: RequestMeta;
  log: Logger;
  t: Translator;
  /** Adds an audit row (signed as the member), written in the same transaction. */
  audit: (note: AuditNote) => void;
};

type MemberAction<T> = (
  prev: ActionResult<T> | undefined,
  raw: FormData | Record<string, unknown>,
) => Promise<ActionResult<T>>;

/**
 * The one way in for a member's own mutations in the portal, as defineStaffAction is for staff:
 * member session → MemberScope (the partner slug the page posts must be the session's partner) →
 * zod (messages in the member's language) → handler and audit rows in one transaction, signed as
 * the member → an ActionResult for useActionState. A staff session is no member session.
 */
export function defineMemberAction<S extends z.ZodType, T>(
  opts: { name: string; schema: (t: Translator) => S },
  handler: (input: z.output<S>, ctx: MemberActionContext) => Promise<T>,
): MemberAction<T> {
  return async (_prev, raw) => {
    const data = toPlainObject(raw);
    const log = logger.child({ action: opts.name });
    const t = await getTranslations();
    try {
      const scope = await getCurrentMemberScope();
      if (!scope) throw new AppError("UNAUTHENTICATED", { userMessage: t("common.sessionEnded") });
      if (scope.partnerSlug !== data.partnerSlug) throw new AppError("NOT_FOUND", { userMessage: "Not found." });
      const parsed = opts.schema(t).safeParse(data);
      if (!parsed.success) return invalid(parsed.error, data);
      const meta = await getRequestMeta();
      const ctxLog = log.child({ requestId: meta.requestId, memberId: scope.memberId, partnerId: scope.partnerId });
      const notes: AuditNote[] = [];
      const result = await getDb().transaction(async (tx) => {
        const value = await handler(parsed.data, {
          db: tx,
          scope,
          meta,
          log: ctxLog,
          t,
          audit: (note) => notes.push(note),
        });
        for (const note of notes.length ? notes : [{}]) {
          await recordAudit(tx, scope, {
            target: { type: "member", id: scope.memberId },
            ...note,
            action: note.action ?? opts.name,
            actor: { userId: null, email: scope.member.email },
            requestId: meta.requestId,
            ip: meta.ip,
          });
        }
        return value;
      });
      ctxLog.info("action done");
      return { ok: true, data: result };
    } catch (error) {
      return memberFailure(error, log, t);
    }
  };
}

/** Like define-action's `failure`, with the generic message in the member's language. */
export function memberFailure(error: unknown, log: Logger, t: Translator): ActionResult<never> {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    return { ok: false, formError: error.fieldErrors ? undefined : error.userMessage, fieldErrors: error.fieldErrors };
  }
  const reference = randomUUID().slice(0, 8);
  log.error({ err: error, reference }, "action failed");
  return { ok: false, formError: t("common.genericError", { reference }) };
}
