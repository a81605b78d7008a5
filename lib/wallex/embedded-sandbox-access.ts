import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/db";
import { findStaffScope } from "@/lib/auth/scope";
import { getCurrentUser } from "@/lib/auth/session";
import { decryptSecret } from "@/lib/crypto";
import { listStaffMembershipsOfUser } from "@/lib/data/users";
import { getEmbeddedSandboxApiKey } from "@/lib/data/wallex-connections";
import { env } from "@/lib/env";
import type { WallexSandbox } from "./sandbox";

export const HELPER_TOKEN_HEADER = "x-sandbox-helper-token";
export const PARTNER_SLUG_HEADER = "x-partner-slug";
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;

export type HelperAccess = { request: Request } | { status: 401 | 403; message: string };

/**
 * Who may drive the embedded sandbox's /_sandbox helpers: tests holding WALLEX_SANDBOX_HELPER_TOKEN,
 * or a signed-in staff member of the partner whose sandbox identity is used, named either by its
 * X-Api-Key or by X-Partner-Slug (the key is then filled in here, so the browser never needs it).
 */
export async function helperAccess(request: Request, sandbox: WallexSandbox): Promise<HelperAccess> {
  if (tokenMatches(request.headers.get(HELPER_TOKEN_HEADER))) return { request };
  if (!SESSION_COOKIE.test(request.headers.get("cookie") ?? ""))
    return { status: 401, message: "Sign in, or present the helper token." };
  const user = await getCurrentUser();
  if (!user) return { status: 401, message: "Sign in, or present the helper token." };

  const slug =
    request.headers.get(PARTNER_SLUG_HEADER) ?? (await slugOfKey(user.id, request.headers.get("x-api-key"), sandbox));
  const found = slug ? await findStaffScope(user, slug) : undefined;
  if (!found || !("scope" in found))
    return { status: 403, message: "Not a staff member of the partner this sandbox key belongs to." };
  const apiKey = await getEmbeddedSandboxApiKey(getDb(), found.scope);
  if (!apiKey) return { status: 403, message: "This partner does not use the embedded sandbox." };
  const headers = new Headers(request.headers);
  headers.set("x-api-key", decryptSecret(apiKey));
  headers.delete(PARTNER_SLUG_HEADER);
  return { request: new Request(request, { headers }) };
}

function tokenMatches(given: string | null) {
  const expected = env().WALLEX_SANDBOX_HELPER_TOKEN;
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The slug of the user's partner that owns this sandbox key, if the user is staff there. */
async function slugOfKey(userId: string, apiKey: string | null, sandbox: WallexSandbox) {
  const partnerId = sandbox.control.partnerIdForKey(apiKey);
  if (!partnerId) return undefined;
  const memberships = await listStaffMembershipsOfUser(getDb(), userId);
  return memberships.find((m) => m.partnerId === partnerId)?.partnerSlug;
}
