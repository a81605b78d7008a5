"use server";

import { cookies } from "next/headers";
import { getDb } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import { getCurrentMemberScope } from "@/lib/auth/member-session";
import { setMemberLocale } from "@/lib/data/member-auth";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { getRequestMeta } from "@/lib/request-context";

/**
 * The language switch: a signed-in member's choice is saved to their account (audited) and follows
 * them to any device; before sign-in it is a cookie of the browser only. The cookie is set either
 * way, which also re-renders the page in the new language.
 */
export async function setLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  const scope = await getCurrentMemberScope();
  if (scope && scope.partnerSlug === formData.get("partnerSlug") && scope.member.locale !== locale) {
    const meta = await getRequestMeta();
    await getDb().transaction(async (tx) => {
      await setMemberLocale(tx, scope, locale);
      await recordAudit(tx, scope, {
        action: "member.locale_changed",
        actor: { userId: null, email: scope.member.email },
        target: { type: "member", id: scope.memberId },
        before: { locale: scope.member.locale },
        after: { locale },
        requestId: meta.requestId,
        ip: meta.ip,
      });
    });
  }
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });
}
