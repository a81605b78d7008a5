import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FilterBar, FilterInput, FilterSelect } from "@/components/lists/filter-bar";
import { hasFilters } from "@/components/lists/list-empty-state";
import { Pagination } from "@/components/lists/pagination";
import { PageHeader } from "@/components/layout/page-header";
import { KindTabs } from "@/components/records/kind-tabs";
import { RecordsTable } from "@/components/records/records-table";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import {
  countMirrorRecords,
  listMemberAccounts,
  listMirrorRecords,
  listMirrorStatuses,
  RECORDS_PAGE_SIZE,
} from "@/lib/data/mirror";
import { recordColumns } from "@/lib/records/columns";
import { recordFiltersSchema } from "@/lib/validations/records";
import type { SearchParams } from "@/lib/validations/search-params";
import { kindFromSlug, kindSlug, RESOURCE_KINDS, RESOURCES, titleOf } from "@/lib/records/mirror-tables";

export const metadata: Metadata = { title: "Wallex records" };

type Props = {
  params: Promise<{ partnerSlug: string; kind: string }>;
  searchParams: Promise<SearchParams>;
};

/** Our copy of the partner's Wallex data, read from the mirror only: this page never calls Wallex. */
export default async function RecordsPage({ params, searchParams }: Props) {
  const { partnerSlug, kind: slug } = await params;
  const scope = await requireStaff(partnerSlug, "records.read");
  const kind = kindFromSlug(slug);
  if (!kind) notFound();
  const def = RESOURCES[kind];
  const filters = recordFiltersSchema.parse(await searchParams);
  const db = getDb();
  const [{ rows, total }, counts, statuses, members] = await Promise.all([
    listMirrorRecords(db, scope, kind, filters),
    countMirrorRecords(db, scope),
    listMirrorStatuses(db, scope, kind),
    listMemberAccounts(db, scope),
  ]);
  const basePath = `/p/${scope.partnerSlug}/records`;
  const { page: _page, ...kept } = filters;
  const tabs = RESOURCE_KINDS.map((k) => ({
    slug: kindSlug(k),
    label: titleOf(RESOURCES[k], { plural: true }),
    count: counts[k] ?? 0,
  }));

  return (
    <div className="space-y-6">
      <PageHeader
        title="Wallex records"
        description="Everything Wallex holds for this partner and its members, as last read. Kept current by webhooks and the reconcile job."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "Wallex records" }]}
      />
      <KindTabs basePath={basePath} tabs={tabs} current={slug} />
      <FilterBar basePath={`${basePath}/${slug}`}>
        <FilterSelect
          name="status"
          label="Status"
          anyLabel="Any status"
          value={filters.status}
          options={statuses}
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
        <FilterInput
          name="q"
          label={kind === "payment" ? "Wallex ID, payment or our reference" : "Wallex ID or reference"}
          defaultValue={filters.q ?? ""}
          className="w-72"
        />
      </FilterBar>
      <Card>
        <CardContent className="px-0">
          <RecordsTable
            rows={rows}
            columns={recordColumns(kind)}
            basePath={`${basePath}/${slug}`}
            label={def.label}
            filtered={hasFilters(kept)}
          />
        </CardContent>
      </Card>
      <Pagination
        page={filters.page}
        pageSize={RECORDS_PAGE_SIZE}
        total={total}
        basePath={`${basePath}/${slug}`}
        searchParams={kept}
        itemLabel={titleOf(def, { plural: true }).toLowerCase()}
      />
    </div>
  );
}
