import type { Metadata } from "next";
import { FilterBar, FilterInput, FilterSelect } from "@/components/lists/filter-bar";
import { hasFilters } from "@/components/lists/list-empty-state";
import { Pagination } from "@/components/lists/pagination";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { WebhookAlarm } from "@/components/webhooks/webhook-alarm";
import { WebhookEventsTable } from "@/components/webhooks/webhook-events-table";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/scope";
import { listMemberAccounts } from "@/lib/data/mirror";
import { listWebhookEvents, listWebhookFacets, WEBHOOK_PAGE_SIZE } from "@/lib/data/webhook-events";
import { getWebhookAlarm } from "@/lib/data/webhook-alarm";
import { webhookFiltersSchema } from "@/lib/validations/webhook-events";
import type { SearchParams } from "@/lib/validations/search-params";

export const metadata: Metadata = { title: "Webhooks" };

type Props = {
  params: Promise<{ partnerSlug: string }>;
  searchParams: Promise<SearchParams>;
};

const outcomes = ["received", "processed", "failed", "rejected"];

export default async function WebhooksPage({ params, searchParams }: Props) {
  const scope = await requireStaff((await params).partnerSlug, "webhooks.read");
  const filters = webhookFiltersSchema.parse(await searchParams);
  const db = getDb();
  const [{ rows, total }, facets, members, alarm] = await Promise.all([
    listWebhookEvents(db, scope, filters),
    listWebhookFacets(db, scope),
    listMemberAccounts(db, scope),
    getWebhookAlarm(db, scope),
  ]);
  const basePath = `/p/${scope.partnerSlug}/webhooks`;
  const { page: _page, ...kept } = filters;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description="Every notification Wallex sent for this partner, as it arrived, and what processing it did. Forged deliveries are kept as rejected."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "Webhooks" }]}
      />
      <WebhookAlarm alarm={alarm} partnerSlug={scope.partnerSlug} canFix={can(scope.role, "settings.manage")} />
      <FilterBar basePath={basePath}>
        <FilterSelect
          name="resource"
          label="Resource"
          anyLabel="All resources"
          value={filters.resource}
          options={facets.resources}
          className="w-44"
        />
        <FilterSelect
          name="status"
          label="Status"
          anyLabel="Any status"
          value={filters.status}
          options={facets.statuses}
          className="w-44"
        />
        <FilterSelect
          name="member"
          label="Member"
          anyLabel="All members"
          value={filters.member}
          options={members}
          className="w-56"
        />
        <FilterSelect
          name="outcome"
          label="Outcome"
          anyLabel="Any"
          value={filters.outcome}
          options={outcomes}
          className="w-36"
        />
        <FilterInput
          name="resourceId"
          label="Resource ID"
          defaultValue={filters.resourceId ?? ""}
          className="w-72 font-mono"
        />
      </FilterBar>
      <Card>
        <CardContent className="px-0">
          <WebhookEventsTable
            rows={rows}
            partnerSlug={scope.partnerSlug}
            canReplay={can(scope.role, "webhooks.replay")}
            filtered={hasFilters(kept)}
            clearHref={basePath}
          />
        </CardContent>
      </Card>
      <Pagination
        page={filters.page}
        pageSize={WEBHOOK_PAGE_SIZE}
        total={total}
        basePath={basePath}
        searchParams={kept}
        itemLabel="events"
      />
    </div>
  );
}
