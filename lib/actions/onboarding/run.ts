import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb, type Database } from "@/db";
import { auditedAs, type Audited } from "@/lib/audit/audited";
import { memberActor } from "@/lib/audit/record";
import { getCurrentMemberScope } from "@/lib/auth/member-session";
import { assertCan, findStaffScope, scopeProblemError, type StaffScope } from "@/lib/auth/scope";
import { getCurrentUser } from "@/lib/auth/session";
import type { MemberScope } from "@/lib/auth/tenant-scope";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getRequestMeta } from "@/lib/request-context";
import { ERROR_KEYS } from "@/lib/validations/onboarding";
import { StaleStepError, WALLEX_MESSAGE_PREFIX } from "@/lib/services/onboarding/save-step";

/** What a wizard form gets back: messages already in the member's language, and what was typed. */
export type OnboardingActionState =
  | { ok: true; message?: string }
  | {
      ok: false;
      formError?: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string | string[]>;
      /** The step's current revision, after a stale save (so saving again goes through). */
      revision?: number;
    };

export type Translate = Awaited<ReturnType<typeof getTranslations<"onboarding">>>;

/** Our message keys (validation keys, "onboarding.errors.*", "wallex:<text>") in the member's language. */
export function translateMessage(t: Translate, message: string): string {
  if (message.startsWith(WALLEX_MESSAGE_PREFIX)) {
    return t("errors.wallex", { message: message.slice(WALLEX_MESSAGE_PREFIX.length) });
  }
  const key = message.startsWith("onboarding.errors.") ? message.slice("onboarding.errors.".length) : message;
  if ((ERROR_KEYS as readonly string[]).includes(key) || t.has(`errors.${key}` as never)) {
    return t(`errors.${key}` as never);
  }
  return message;
}

/** A form's fields as typed: repeated names (checkboxes) kept as lists; never anything secret-looking. */
export function formValues(raw: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(raw.keys())) {
    if (key.startsWith("$ACTION") || /password|secret|token/i.test(key)) continue;
    const all = raw.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return out;
}

export type OnboardingRun<S = MemberScope> = {
  db: Database;
  scope: S;
  memberId: string;
  audited: (action: string) => Audited;
  t: Translate;
};

/**
 * The member's way in for wizard mutations: the member session (the partner slug the form posts must
 * be the session's), then `work`, which calls Wallex outside any transaction and writes through
 * `audited` (rows signed as the member, with the request id and IP). Errors come back as field or form
 * messages in the member's language, with what was typed; nothing typed is lost.
 */
export async function runAsMember(
  raw: FormData,
  name: string,
  work: (run: OnboardingRun, values: Record<string, string | string[]>) => Promise<OnboardingActionState>,
): Promise<OnboardingActionState> {
  const values = formValues(raw);
  const t = await getTranslations("onboarding");
  try {
    const scope = await getCurrentMemberScope();
    if (!scope || scope.partnerSlug !== values.partnerSlug) {
      const common = await getTranslations("common");
      throw new AppError("UNAUTHENTICATED", { userMessage: common("sessionEnded") });
    }
    const meta = await getRequestMeta();
    const db = getDb();
    const audited = (action: string) =>
      auditedAs(db, { scope, actor: memberActor(scope.member), action, requestId: meta.requestId, ip: meta.ip });
    return await work({ db, scope, memberId: scope.memberId, audited, t }, values);
  } catch (error) {
    return failed(error, t, name, values);
  }
}

async function failed(
  error: unknown,
  t: Translate,
  name: string,
  values: Record<string, string | string[]>,
): Promise<OnboardingActionState> {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    const fieldErrors = error.fieldErrors
      ? Object.fromEntries(
          Object.entries(error.fieldErrors).map(([f, messages]) => [f, messages.map((m) => translateMessage(t, m))]),
        )
      : undefined;
    const revision = error instanceof StaleStepError ? error.revision : undefined;
    return { ok: false, formError: translateMessage(t, error.userMessage), fieldErrors, values, revision };
  }
  const reference = randomUUID().slice(0, 8);
  logger.child({ action: name }).error({ err: error, reference }, "action failed");
  const common = await getTranslations("common");
  return { ok: false, formError: common("genericError", { reference }), values };
}

/**
 * Staff acting as a member (the "act" pages): the staff session and `members.manage` at the partner
 * the form posts; the member is named by the form and read through the staff scope, so only a member
 * of that partner. Audit rows are signed by the staff user; the services add the member's name.
 * Messages in English, as on every staff page.
 */
export async function runAsStaff(
  raw: FormData,
  name: string,
  work: (run: OnboardingRun<StaffScope>, values: Record<string, string | string[]>) => Promise<OnboardingActionState>,
): Promise<OnboardingActionState> {
  const values = formValues(raw);
  const t = await getTranslations({ locale: "en", namespace: "onboarding" });
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED", { userMessage: "Your session has ended. Sign in again." });
    const found = await findStaffScope(user, String(values.partnerSlug ?? ""));
    if ("problem" in found) throw scopeProblemError(found.problem);
    const { scope } = found;
    assertCan(scope, "members.manage");
    const memberId = String(values.memberId ?? "");
    if (!/^[0-9a-f-]{36}$/i.test(memberId)) throw new AppError("NOT_FOUND", { userMessage: "Member not found." });
    const meta = await getRequestMeta();
    const db = getDb();
    const audited = (action: string) =>
      auditedAs(db, {
        scope,
        actor: { userId: user.id, email: user.email },
        action,
        requestId: meta.requestId,
        ip: meta.ip,
      });
    return await work({ db, scope, memberId, audited, t }, values);
  } catch (error) {
    return failed(error, t, name, values);
  }
}
