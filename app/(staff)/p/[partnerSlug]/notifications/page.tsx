import type { Metadata } from "next";
import { FilterBar, FilterSelect } from "@/components/lists/filter-bar";
import { Pagination } from "@/components/lists/pagination";
import { PageHeader } from "@/components/layout/page-header";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationsTable } from "@/components/notifications/notifications-table";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { listNotifications, NOTIFICATIONS_PAGE_SIZE } from "@/lib/data/notifications";
import { formatDateTime } from "@/lib/format";
import { describeNotification } from "@/lib/notifications/describe";
import { notificationFiltersSchema } from "@/lib/validations/notifications";
import type { SearchParams } from "@/lib/validations/search-params";
import { kindFromSlug, kindSlug, RESOURCE_KINDS, RESOURCES, titleOf } from "@/lib/records/mirror-tables";
import { notificationsMenuOfRequest } from "../notifications-menu";

export const metadata: Metadata = { title: "Notifications" };

type Props = { params: Promise<{ partnerSlug: string }>; searchParams: Promise<SearchParams> };

const kindOptions = RESOURCE_KINDS.map((kind) => ({
  value: kindSlug(kind),
  label: titleOf(RESOURCES[kind], { plural: true }),
}));

/** Every status change Wallex told us about, from our database only; the bell shows the newest few of these. */
export default async function NotificationsPage({ params, searchParams }: Props) {
  const scope = await requireStaff((await params).partnerSlug, "records.read");
  const filters = notificationFiltersSchema.parse(await searchParams);
  const kind = filters.kind && kindFromSlug(filters.kind) ? filters.kind : undefined;
  const db = getDb();
  const [{ rows, total }, menu] = await Promise.all([
    listNotifications(db, scope, filters),
    notificationsMenuOfRequest(scope), // the layout's bell read it already
  ]);
  const basePath = `/p/${scope.partnerSlug}/notifications`;
  const { page: _page, ...kept } = { ...filters, kind };
  const newest = menu.items[0]?.at;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Notifications"
        description="Status changes Wallex reported for this partner and its members, newest first. Balance movements and history entries are left out unless you ask for them."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "Notifications" }]}
        actions={
          menu.unread > 0 && newest ? (
            <MarkAllReadButton partnerSlug={scope.partnerSlug} upTo={newest.toISOString()} />
          ) : undefined
        }
      />
      <FilterBar basePath={basePath}>
        <FilterSelect
          name="kind"
          label="Kind"
          anyLabel="All kinds"
          value={kind}
          options={kindOptions}
          className="w-52"
        />
        <FilterSelect
          name="ledger"
          label="Ledger rows"
          anyLabel="Hidden"
          value={filters.ledger}
          options={[{ value: "1", label: "Shown" }]}
          className="w-36"
        />
      </FilterBar>
      <Card>
        <CardContent className="px-0">
          <NotificationsTable
            rows={rows.map((n) => ({
              ...describeNotification(scope.partnerSlug, n),
              kindLabel: titleOf(RESOURCES[n.kind]),
              status: n.status,
              previousStatus: n.previousStatus,
              when: formatDateTime(n.at),
            }))}
          />
        </CardContent>
      </Card>
      <Pagination
        page={filters.page}
        pageSize={NOTIFICATIONS_PAGE_SIZE}
        total={total}
        basePath={basePath}
        searchParams={kept}
        itemLabel="status changes"
      />
    </div>
  );
}
