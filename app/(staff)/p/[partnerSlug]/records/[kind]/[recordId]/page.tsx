import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { StatusBadge } from "@/components/records/records-table";
import { RefreshRecordButton } from "@/components/records/refresh-record-button";
import { RecordTimeline } from "@/components/records/record-timeline";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { RESOURCES, titleOf } from "@/lib/wallex/mirror/resources";
import { loadRecord } from "./load-record";

export const metadata: Metadata = { title: "Wallex record" };

type Props = { params: Promise<{ partnerSlug: string; kind: string; recordId: string }> };

export default async function RecordPage({ params }: Props) {
  const { partnerSlug, kind: slug, recordId } = await params;
  const { scope, kind, record } = await loadRecord(partnerSlug, slug, recordId);
  if (!record) notFound();
  const def = RESOURCES[kind];
  const listPath = `/p/${scope.partnerSlug}/records/${slug}`;
  const facts: [string, React.ReactNode][] = [
    ["Status", <StatusBadge key="s" status={record.status} />],
    ["Amount", record.amount ? formatMoney(record.amount, record.currency) : (record.currency ?? "—")],
    ["Member", record.member ?? (record.accountId ? record.accountId : "The partner itself")],
    ["Reference", record.reference ?? "—"],
    ["Created at Wallex", record.wallexCreatedAt ? formatDateTime(record.wallexCreatedAt) : "—"],
    ["Last read from Wallex", formatDateTime(record.readAt)],
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${titleOf(def)} ${record.wallexId}`}
        breadcrumbs={[
          { label: scope.partnerName, href: `/p/${scope.partnerSlug}` },
          { label: "Wallex records", href: listPath },
          { label: record.wallexId },
        ]}
        actions={
          can(scope.role, "payments.create") && "retrieve" in def ? (
            <RefreshRecordButton partnerSlug={scope.partnerSlug} kind={slug} recordId={record.id} />
          ) : undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card>
            <CardContent>
              <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
                {facts.map(([term, value]) => (
                  <div key={term}>
                    <dt className="text-xs font-medium text-muted-foreground">{term}</dt>
                    <dd className="mt-1 break-all text-sm">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <CodeBlock label="As Wallex returned it" code={JSON.stringify(record.data, null, 2)} className="max-h-[32rem] overflow-auto" />
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            <RecordTimeline entries={record.timeline} />
            {record.events.length > 0 && (
              <p className="mt-4 text-sm text-muted-foreground">
                <Link href={`/p/${scope.partnerSlug}/webhooks?resourceId=${encodeURIComponent(record.wallexId)}`} className="text-primary underline-offset-4 hover:underline">
                  {record.events.length} notification{record.events.length === 1 ? "" : "s"} from Wallex
                </Link>
              </p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
