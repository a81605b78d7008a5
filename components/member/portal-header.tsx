import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { signOutMemberAction } from "@/lib/actions/member/sign-out";
import { LanguageSwitch } from "./language-switch";

type Props = { partnerSlug: string; partnerName: string; memberName: string };

/** The portal's header: the partner, the member, navigation, the language switch and sign-out. */
export async function PortalHeader({ partnerSlug, partnerName, memberName }: Props) {
  const t = await getTranslations("common");
  const base = `/m/${partnerSlug}`;
  return (
    <header className="border-b bg-background">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <div className="min-w-0 flex-1">
          <Link href={base} className="block truncate font-semibold tracking-tight">
            {partnerName}
          </Link>
          <p className="truncate text-xs text-muted-foreground">{t("portal")}</p>
        </div>
        <nav aria-label={t("mainNav")} className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex gap-4 text-sm">
            <li>
              <Link href={base} className="font-medium text-foreground hover:underline">
                {t("nav.home")}
              </Link>
            </li>
            <li>
              <Link href={`${base}/security`} className="font-medium text-foreground hover:underline">
                {t("nav.security")}
              </Link>
            </li>
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <span className="hidden max-w-48 truncate text-sm text-muted-foreground md:inline">
            {t("signedInAs", { name: memberName })}
          </span>
          <LanguageSwitch partnerSlug={partnerSlug} />
          <form action={signOutMemberAction}>
            <Button type="submit" variant="outline" size="sm">
              {t("signOut")}
            </Button>
          </form>
        </div>
      </div>
    </header>
  );
}
