import type { Metadata } from "next";
import { FilterBar, FilterInput, FilterSelect } from "@/components/data-table/filter-bar";
import { Pagination } from "@/components/data-table/pagination";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { WebhookEventsTable } from "@/components/webhooks/webhook-events-table";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { listWebhookEvents, listWebhookResources, WEBHOOK_PAGE_SIZE } from "@/lib/data/webhook-events";
import { webhookFiltersSchema } from "@/lib/validations/webhook-events";

export const metadata: Metadata = { title: "Webhooks" };

type Props = {
  params: Promise<{ partnerSlug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

const outcomes = ["received", "processed", "failed", "rejected"];

export default async function WebhooksPage({ params, searchParams }: Props) {
  const scope = await requireStaff((await params).partnerSlug, "webhooks.read");
  const filters = webhookFiltersSchema.parse(await searchParams);
  const db = getDb();
  const [{ rows, total }, resources] = await Promise.all([listWebhookEvents(db, scope, filters), listWebhookResources(db, scope)]);
  const basePath = `/p/${scope.partnerSlug}/webhooks`;
  const { page: _page, ...kept } = filters;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description="Every notification Wallex sent for this partner, as it arrived. Forged deliveries are kept as rejected."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "Webhooks" }]}
      />
      <FilterBar basePath={basePath}>
        <FilterSelect name="resource" label="Resource" anyLabel="All resources" value={filters.resource} options={resources} className="w-48" />
        <FilterSelect name="outcome" label="Outcome" anyLabel="Any" value={filters.outcome} options={outcomes} className="w-40" />
        <FilterInput name="resourceId" label="Resource ID" defaultValue={filters.resourceId ?? ""} className="w-80 font-mono" />
      </FilterBar>
      <Card>
        <CardContent className="px-0">
          <WebhookEventsTable rows={rows} />
        </CardContent>
      </Card>
      <Pagination page={filters.page} pageSize={WEBHOOK_PAGE_SIZE} total={total} basePath={basePath} searchParams={kept} />
    </div>
  );
}
