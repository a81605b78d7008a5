import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { StatusBadge } from "@/components/records/records-table";
import { RefreshRecordButton } from "@/components/records/refresh-record-button";
import { RecordTimeline } from "@/components/records/record-timeline";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { can } from "@/lib/auth/permissions";
import { recordColumns } from "@/lib/records/columns";
import { RESOURCES, titleOf } from "@/lib/records/mirror-tables";
import { loadRecord } from "./load-record";

export const metadata: Metadata = { title: "Wallex record" };

type Props = { params: Promise<{ partnerSlug: string; kind: string; recordId: string }> };

export default async function RecordPage({ params }: Props) {
  const { partnerSlug, kind: slug, recordId } = await params;
  const { scope, kind, record } = await loadRecord(partnerSlug, slug, recordId);
  if (!record) notFound();
  const def = RESOURCES[kind];
  const listPath = `/p/${scope.partnerSlug}/records/${slug}`;
  // The same columns as the list, so a record reads as its row does; the id is the title.
  const facts: [string, React.ReactNode][] = recordColumns(kind)
    .filter((column) => column.style !== "id")
    .map((column) => [
      column.header,
      column.style === "status" ? (
        <StatusBadge key={column.key} status={column.value(record)} />
      ) : (
        (column.value(record) ?? "—")
      ),
    ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${titleOf(def)} ${record.wallexId}`}
        description={
          <span className="inline-flex items-center gap-2">
            Wallex ID <span className="font-mono">{record.wallexId}</span>
            <CopyButton value={record.wallexId} size="icon" variant="ghost" label="Copy Wallex ID" className="size-7" />
          </span>
        }
        breadcrumbs={[
          { label: scope.partnerName, href: `/p/${scope.partnerSlug}` },
          { label: "Wallex records", href: listPath },
          { label: record.wallexId },
        ]}
        actions={
          can(scope.role, "payments.create") && def.readBack ? (
            <RefreshRecordButton partnerSlug={scope.partnerSlug} kind={slug} recordId={record.id} />
          ) : undefined
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
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
          <CodeBlock label="As Wallex returned it" code={JSON.stringify(record.data, null, 2)} />
        </div>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            <RecordTimeline entries={record.timeline} />
            {record.events.length > 0 && (
              <p className="mt-4 text-sm text-muted-foreground">
                <Link
                  href={`/p/${scope.partnerSlug}/webhooks?resourceId=${encodeURIComponent(record.wallexId)}`}
                  className="text-primary underline underline-offset-4"
                >
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
