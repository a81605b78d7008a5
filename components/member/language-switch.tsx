import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/actions/member/set-locale";
import { LOCALES } from "@/lib/i18n/locales";
import { cn } from "@/lib/utils";

/** Two buttons, the current language pressed; works without JavaScript (a plain form post). */
export async function LanguageSwitch({ partnerSlug, className }: { partnerSlug: string; className?: string }) {
  const [t, current] = await Promise.all([getTranslations("common"), getLocale()]);
  return (
    <form action={setLocaleAction} className={cn("flex items-center", className)}>
      <input type="hidden" name="partnerSlug" value={partnerSlug} />
      <div role="group" aria-label={t("language")} className="inline-flex rounded-md border bg-background p-0.5">
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            className={cn(
              "rounded px-2.5 py-1 text-xs font-medium transition-colors outline-none focus-visible:ring-2 focus-visible:ring-ring",
              locale === current ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground",
            )}
          >
            {t(`languages.${locale}`)}
          </button>
        ))}
      </div>
    </form>
  );
}
