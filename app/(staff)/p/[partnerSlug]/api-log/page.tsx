import type { Metadata } from "next";
import { ApiCallsTable } from "@/components/api-log/api-calls-table";
import { ApiLogFiltersForm } from "@/components/api-log/api-log-filters-form";
import { hasFilters } from "@/components/lists/list-empty-state";
import { Pagination } from "@/components/lists/pagination";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { requireStaff } from "@/lib/auth/scope";
import { API_LOG_PAGE_SIZE, listApiCalls, listApiOperations } from "@/lib/data/api-calls";
import { apiLogFilterProblems, apiLogFiltersSchema } from "@/lib/validations/api-log";
import type { SearchParams } from "@/lib/validations/search-params";

export const metadata: Metadata = { title: "API log" };

type Props = {
  params: Promise<{ partnerSlug: string }>;
  searchParams: Promise<SearchParams>;
};

export default async function ApiLogPage({ params, searchParams }: Props) {
  const scope = await requireStaff((await params).partnerSlug, "api-log.read");
  const filters = apiLogFiltersSchema.parse(await searchParams);
  const problems = apiLogFilterProblems(filters);
  const db = getDb();
  const [{ rows, total }, operations] = await Promise.all([
    problems ? { rows: [], total: 0 } : listApiCalls(db, scope, filters),
    listApiOperations(db, scope),
  ]);
  const basePath = `/p/${scope.partnerSlug}/api-log`;
  const { page: _page, ...kept } = filters;

  return (
    <div className="space-y-6">
      <PageHeader
        title="API log"
        description="Every call Partner Desk made to Wallex for this partner, one row per attempt. Secrets and account numbers are redacted."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "API log" }]}
      />
      <ApiLogFiltersForm operations={operations} filters={filters} problems={problems} basePath={basePath} />
      <Card>
        <CardContent className="px-0">
          <ApiCallsTable rows={rows} filtered={hasFilters(kept)} clearHref={basePath} />
        </CardContent>
      </Card>
      <Pagination
        page={filters.page}
        pageSize={API_LOG_PAGE_SIZE}
        total={total}
        basePath={basePath}
        searchParams={kept}
      />
    </div>
  );
}
