import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { findStaffScope, type StaffScope } from "@/lib/auth/scope";
import { getCurrentUser } from "@/lib/auth/session";
import { logger } from "@/lib/logger";

type Params = Record<string, string>;

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "cache-control": "private, no-store" } });

/**
 * The one way in for the GET routes the pages poll: session (401) → staff scope of the partner in
 * the URL and the permission (404, as the page gives) → the handler's payload, or 404 when it
 * returns null. Nothing here writes, and nothing here calls Wallex: handlers read our database.
 */
export function defineStaffRoute<P extends Params & { partnerSlug: string }, T>(
  opts: { name: string; permission: Permission },
  handler: (scope: StaffScope, params: P, request: Request) => Promise<T | null>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) return json({ error: "Your session has ended. Sign in again." }, 401);
      const resolved = await params;
      const found = await findStaffScope(user, resolved.partnerSlug);
      if ("problem" in found || !can(found.scope.role, opts.permission)) return json({ error: "Not found." }, 404);
      const body = await handler(found.scope, resolved, request);
      return body === null ? json({ error: "Not found." }, 404) : json(body);
    } catch (error) {
      logger.error({ err: error, route: opts.name }, "route failed");
      return json({ error: "Something went wrong." }, 500);
    }
  };
}
