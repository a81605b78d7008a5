import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/layout/page-header";
import { LiveRecord } from "@/components/records/live-record";
import { RefreshRecordButton } from "@/components/records/refresh-record-button";
import { CopyButton } from "@/components/ui/copy-button";
import { can, refreshPermissionFor } from "@/lib/auth/permissions";
import { recordView } from "@/lib/records/record-view";
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
          can(scope.role, refreshPermissionFor(kind)) && def.readBack ? (
            <RefreshRecordButton partnerSlug={scope.partnerSlug} kind={slug} recordId={record.id} />
          ) : undefined
        }
      />
      <LiveRecord partnerSlug={scope.partnerSlug} kindSlug={slug} initial={recordView(kind, record)} />
    </div>
  );
}
