import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { getPartnerBySlug } from "@/lib/data/member-auth";

/**
 * Every page of a partner's member portal: the partner must exist, and the member's language
 * (lib/i18n/request.ts) is given to client components and marked on the content.
 */
export default async function MemberPortalRoot({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ partnerSlug: string }>;
}) {
  const { partnerSlug } = await params;
  const [partner, locale] = await Promise.all([getPartnerBySlug(getDb(), partnerSlug), getLocale()]);
  if (!partner) notFound();
  return (
    <NextIntlClientProvider>
      <div lang={locale} className="contents">
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
