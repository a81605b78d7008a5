import type { MemberLocale } from "@/db/schema";

/** The member portal's languages; staff pages stay English. */
export const LOCALES = ["en", "id"] as const satisfies readonly MemberLocale[];
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Remembers the language chosen before signing in (after, it is the member's `locale`). */
export const LOCALE_COOKIE = "pd-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of our languages an Accept-Language header asks for, by its q-values ("id-ID,id;q=0.9,
 * en;q=0.8" → "id"); null when it names none of them.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    // "in" is the old ISO code for Indonesian, still sent by some Android browsers.
    const locale = base === "in" ? "id" : base;
    if (isLocale(locale)) return locale;
  }
  return null;
}

/** The member's saved language, else the cookie, else the browser's, else English. */
export function pickLocale(sources: {
  member?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(sources.member)) return sources.member;
  if (isLocale(sources.cookie)) return sources.cookie;
  return localeFromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}
