import type { Metadata } from "next";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { hasFilters } from "@/components/lists/list-empty-state";
import { Pagination } from "@/components/lists/pagination";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { AUDIT_PAGE_SIZE, listAuditActions, listAuditEvents } from "@/lib/data/audit";
import { auditFilterProblems, auditFiltersSchema } from "@/lib/validations/audit";
import type { SearchParams } from "@/lib/validations/search-params";

export const metadata: Metadata = { title: "Audit log" };

type Props = {
  params: Promise<{ partnerSlug: string }>;
  searchParams: Promise<SearchParams>;
};

export default async function AuditPage({ params, searchParams }: Props) {
  const scope = await requireStaff((await params).partnerSlug, "audit.read");
  const raw = await searchParams;
  const filters = auditFiltersSchema.parse(raw);
  const { page: _page, ...filterParams } = filters;
  const problems = auditFilterProblems(filterParams);
  const db = getDb();
  const [{ rows, total }, actions] = await Promise.all([
    problems ? { rows: [], total: 0 } : listAuditEvents(db, scope, filters),
    listAuditActions(db, scope),
  ]);
  const exportQuery = new URLSearchParams(Object.entries(filterParams).filter((e): e is [string, string] => !!e[1]));
  const basePath = `/p/${scope.partnerSlug}/audit`;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        description="Every change made in this partner, by whom and from where. Append-only and hash-chained."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "Audit log" }]}
        actions={
          <Button asChild variant="outline">
            <a href={`${basePath}/export?${exportQuery}`} download>
              Export CSV
            </a>
          </Button>
        }
      />
      <AuditFiltersForm actions={actions} filters={filters} problems={problems} basePath={basePath} />
      <Card>
        <CardContent className="px-0">
          <AuditTable rows={rows} filtered={hasFilters(filterParams)} clearHref={basePath} />
        </CardContent>
      </Card>
      <Pagination
        page={filters.page}
        pageSize={AUDIT_PAGE_SIZE}
        total={total}
        basePath={basePath}
        searchParams={Object.fromEntries(exportQuery)}
      />
    </div>
  );
}
