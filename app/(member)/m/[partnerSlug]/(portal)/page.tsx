import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusTracker } from "@/components/member/status-tracker";
import { trackerState } from "@/components/member/tracker";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireMember } from "@/lib/auth/member-session";
import { getMemberRow } from "@/lib/data/member-auth";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ partnerSlug: string }> };

/** The member's home: where the application stands (our stage and Wallex's status) and what to do next. */
export default async function MemberHomePage({ params }: Props) {
  const { partnerSlug } = await params;
  const scope = await requireMember(partnerSlug);
  const [member, t, locale] = await Promise.all([
    getMemberRow(getDb(), scope, scope.memberId),
    getTranslations("home"),
    getLocale(),
  ]);
  if (!member) notFound();
  const { current, next, attention } = trackerState(member.stage, member.wallexStatus);
  const action = next === "start" || next === "continue" || next === "fix" ? next : null;
  const partner = scope.partnerName;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight break-words">
          {t("greeting", { name: member.firstName })}
        </h1>
        <p className="text-sm text-muted-foreground">{t("description", { partner })}</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("trackerLabel")}</CardTitle>
        </CardHeader>
        <CardContent>
          <StatusTracker current={current} attention={attention} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("nextTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {attention ? (
            <Alert variant="warning">
              <AlertDescription>{t(`next.${next}`, { partner })}</AlertDescription>
            </Alert>
          ) : (
            <p className="text-sm">{t(`next.${next}`, { partner })}</p>
          )}
          {member.missingFields.length > 0 && next !== "approved" && (
            <p className="text-sm text-muted-foreground">{t("missingCount", { count: member.missingFields.length })}</p>
          )}
          {action && (
            <Button asChild>
              <Link href={`/m/${partnerSlug}/onboarding`}>{t(`actions.${action}`)}</Link>
            </Button>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("details")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-muted-foreground">{t("wallexStatus")}</dt>
              <dd className="font-medium break-words">{member.wallexStatus ?? t("wallexStatusNone")}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("lastActivity")}</dt>
              <dd className="font-medium">{formatDateTime(member.lastActivityAt, locale)}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
