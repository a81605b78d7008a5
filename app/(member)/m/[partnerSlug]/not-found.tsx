import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** A portal page that does not exist, or is another partner's: in the member's language. */
export default async function MemberNotFound() {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      <main className="w-full max-w-sm rounded-xl border bg-card p-6 text-center shadow-sm sm:p-8">
        <h1 className="text-lg font-semibold tracking-tight">{t("notFoundTitle")}</h1>
        <p className="mt-1.5 mb-6 text-sm text-muted-foreground">{t("notFoundDescription")}</p>
        <Button asChild className="w-full">
          <Link href="/">{t("backHome")}</Link>
        </Button>
      </main>
    </div>
  );
}
