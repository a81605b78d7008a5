import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { WebhookAlarm } from "@/components/webhooks/webhook-alarm";
import { getDb } from "@/db";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/scope";
import { getOverviewFigures } from "@/lib/data/overview";
import { getWebhookAlarm } from "@/lib/data/webhook-alarm";

export const metadata: Metadata = { title: "Overview" };

type Props = { params: Promise<{ partnerSlug: string }> };

/** Each card's heading is its label; the value under it is text, not a heading. */
const label = "text-sm font-normal tracking-normal text-muted-foreground";

export default async function OverviewPage({ params }: Props) {
  const scope = await requireStaff((await params).partnerSlug);
  const db = getDb();
  const watchesWebhooks = can(scope.role, "webhooks.read");
  const [figures, alarm] = await Promise.all([
    getOverviewFigures(db, scope),
    watchesWebhooks ? getWebhookAlarm(db, scope) : undefined,
  ]);
  const base = `/p/${scope.partnerSlug}`;

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Welcome, ${scope.user.name.split(" ")[0]}`}
        description={`You are ${roleLabels[scope.role].toLowerCase()} at ${scope.partnerName}.`}
        breadcrumbs={[{ label: scope.partnerName }]}
      />
      {alarm && (
        <WebhookAlarm alarm={alarm} partnerSlug={scope.partnerSlug} canFix={can(scope.role, "settings.manage")} />
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle className={label}>Team</CardTitle>
            <p className="text-3xl font-semibold tracking-tight">{figures.team}</p>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">
            {figures.admins} admin(s) ·{" "}
            {can(scope.role, "team.manage") ? (
              <Link className="text-primary underline underline-offset-4" href={`${base}/team`}>
                Manage team
              </Link>
            ) : (
              "managed by admins"
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className={label}>Wallex connection</CardTitle>
            <p className="flex items-center gap-2 text-xl">
              {figures.connectionBaseUrl ? (
                <Badge variant="success">Configured</Badge>
              ) : (
                <Badge variant="warning">Not set up</Badge>
              )}
            </p>
          </CardHeader>
          <CardContent
            className="truncate text-sm text-muted-foreground"
            title={figures.connectionBaseUrl ?? undefined}
          >
            {figures.connectionBaseUrl ?? "An admin adds the API credentials in Settings."}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className={label}>Your access</CardTitle>
            <p className="text-xl font-semibold tracking-tight">{roleLabels[scope.role]}</p>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">
            Two-factor authentication is {scope.user.hasTwoFactor ? "on" : "off"} ·{" "}
            <Link className="text-primary underline underline-offset-4" href="/account/security">
              Security
            </Link>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
