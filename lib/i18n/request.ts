import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentMemberScope } from "@/lib/auth/member-session";
import { isLocale, LOCALE_COOKIE, pickLocale, type Locale } from "./locales";
import en from "./messages/en.json";
import id from "./messages/id.json";
import onboardingEn from "./messages/onboarding.en.json";
import onboardingId from "./messages/onboarding.id.json";

const MESSAGES = {
  en: { ...en, ...onboardingEn },
  id: { ...id, ...onboardingId },
} satisfies Record<Locale, typeof en & typeof onboardingEn>;

/** The member portal's language: no locale in the URL (next-intl without i18n routing). */
export async function requestLocale(): Promise<Locale> {
  const [scope, jar, h] = await Promise.all([getCurrentMemberScope(), cookies(), headers()]);
  return pickLocale({
    member: scope?.member.locale,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get("accept-language"),
  });
}

export default getRequestConfig(async ({ locale: explicit }) => {
  // An explicit locale (getTranslations({ locale: "en" }) on a staff page) wins over the member's.
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: "UTC" };
});
