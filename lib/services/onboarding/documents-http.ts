import "server-only";
import { getDb, type Database } from "@/db";
import { auditedAs, type Audited } from "@/lib/audit/audited";
import { memberActor } from "@/lib/audit/record";
import { getCurrentMemberScope } from "@/lib/auth/member-session";
import { can } from "@/lib/auth/permissions";
import { findStaffScope } from "@/lib/auth/scope";
import { getCurrentUser } from "@/lib/auth/session";
import type { MemberScope, TenantScope } from "@/lib/auth/tenant-scope";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getRequestMeta } from "@/lib/request-context";
import { DocumentRefusal } from "./documents";
import { documentsMessages, documentsText } from "./documents-messages";

/** Sent by our document form with every change; a cross-site form cannot send it without a CORS preflight we never answer. */
export const DOCUMENTS_REQUEST_HEADER = "x-partner-desk-documents";

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "cache-control": "private, no-store" } });

type Params = { partnerSlug: string } & Record<string, string>;
type Ctx = { db: Database; scope: MemberScope; audited: Audited; request: Request };

/**
 * The member portal's document routes: the member session of the partner in the URL (a member of
 * another partner, or no member at all → 404/401, as the pages give), the header only our form
 * sends (changes only), audit rows signed by the member with the request's id and address, and
 * every refusal as `{error, field}` in the member's language: a 4xx, never a 5xx for bad input.
 */
export function memberDocumentsRoute<P extends Params>(
  opts: { name: string; change: boolean },
  handler: (ctx: Ctx, params: P) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const scope = await getCurrentMemberScope();
    const t = documentsText(documentsMessages(scope?.member.locale ?? "en"));
    try {
      const resolved = await params;
      if (!scope) return json({ error: t("error.session") }, 401);
      if (scope.partnerSlug !== resolved.partnerSlug) return json({ error: t("error.notFound") }, 404);
      if (opts.change && request.headers.get(DOCUMENTS_REQUEST_HEADER) !== "1") {
        return json({ error: t("error.notFound") }, 403);
      }
      const meta = await getRequestMeta();
      const db = getDb();
      const audited = auditedAs(db, {
        scope,
        actor: memberActor(scope.member),
        action: opts.name,
        requestId: meta.requestId,
        ip: meta.ip,
      });
      return await handler({ db, scope, audited, request }, resolved);
    } catch (error) {
      return refusalResponse(error, t, opts.name);
    }
  };
}

export function refusalResponse(error: unknown, t: (key: string) => string, route: string) {
  if (error instanceof DocumentRefusal) {
    return json({ error: t(error.messageKey), field: error.field }, error.status);
  }
  if (error instanceof AppError && error.status < 500) return json({ error: error.userMessage }, error.status);
  logger.error({ err: error, route }, "member documents route failed");
  return json({ error: t("error.wallex") }, 500);
}

export { json as documentsJson };

/**
 * For the preview: the member themselves, or staff of the partner who may read records (they name
 * the member with `?member=`). Anyone else gets nothing.
 */
export async function previewReader(
  partnerSlug: string,
  request: Request,
): Promise<{ scope: TenantScope; memberId: string; locale: "en" | "id" } | null> {
  const member = await getCurrentMemberScope();
  if (member) {
    return member.partnerSlug === partnerSlug
      ? { scope: member, memberId: member.memberId, locale: member.member.locale }
      : null;
  }
  const user = await getCurrentUser();
  const memberId = new URL(request.url).searchParams.get("member");
  if (!user || !memberId || !/^[0-9a-f-]{36}$/i.test(memberId)) return null;
  const found = await findStaffScope(user, partnerSlug);
  if ("problem" in found || !can(found.scope.role, "records.read")) return null;
  return { scope: found.scope, memberId, locale: "en" };
}
