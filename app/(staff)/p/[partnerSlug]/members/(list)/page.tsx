import { Download, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterInput, FilterSelect } from "@/components/lists/filter-bar";
import { hasFilters } from "@/components/lists/list-empty-state";
import { PageHeader } from "@/components/layout/page-header";
import { MembersPagination } from "@/components/members/members-pagination";
import { MembersTable } from "@/components/members/members-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/scope";
import { COUNTRIES } from "@/lib/countries";
import { countMembers, INVITATION_NUDGE_HOURS, listMembers, MEMBER_COUNT_CAP } from "@/lib/data/members";
import { kycStatusLabel, OUR_STAGES, WALLEX_USER_STATUSES } from "@/lib/members/kyc-status";
import { memberListSchema } from "@/lib/validations/member-list";
import type { SearchParams } from "@/lib/validations/search-params";

export const metadata: Metadata = { title: "Members" };

type Props = { params: Promise<{ partnerSlug: string }>; searchParams: Promise<SearchParams> };

const STATUS_OPTIONS = [
  ...OUR_STAGES.map((s) => ({ value: s, label: kycStatusLabel(s) })),
  ...WALLEX_USER_STATUSES.map((s) => ({ value: s, label: `${kycStatusLabel(s)} (Wallex)` })),
];
const COUNTRY_OPTIONS = COUNTRIES.map((c) => ({ value: c.code, label: c.name }));

/** The partner's member accounts, from our database only: this page never calls Wallex. */
export default async function MembersPage({ params, searchParams }: Props) {
  const scope = await requireStaff((await params).partnerSlug, "members.read");
  const query = memberListSchema.parse(await searchParams);
  const db = getDb();
  const [page, total] = await Promise.all([
    listMembers(db, scope, query),
    countMembers(db, scope, query, MEMBER_COUNT_CAP),
  ]);
  const basePath = `/p/${scope.partnerSlug}/members`;
  const filters = { q: query.q, status: query.status, type: query.type, country: query.country, action: query.action };
  const kept = { ...filters, sort: query.sort, dir: query.dir };
  const exportQuery = new URLSearchParams(Object.entries(kept).filter((e): e is [string, string] => !!e[1]));
  const newMemberHref = can(scope.role, "members.manage") ? `${basePath}/new` : undefined;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Members"
        description="The people and companies this partner onboards to Wallex, with where each stands: our own steps until Wallex screens them, then Wallex's status."
        breadcrumbs={[{ label: scope.partnerName, href: `/p/${scope.partnerSlug}` }, { label: "Members" }]}
        actions={
          <>
            <Button asChild variant="outline">
              <a href={`${basePath}/export${exportQuery.size ? `?${exportQuery}` : ""}`} download>
                <Download aria-hidden="true" />
                Export CSV
              </a>
            </Button>
            {newMemberHref && (
              <Button asChild>
                <Link href={newMemberHref}>
                  <UserPlus aria-hidden="true" />
                  New member
                </Link>
              </Button>
            )}
          </>
        }
      />
      <FilterBar basePath={basePath}>
        <FilterInput name="q" label="Name, company or e-mail" defaultValue={query.q ?? ""} className="w-64" />
        <FilterSelect
          name="status"
          label="KYC status"
          anyLabel="Any status"
          value={query.status}
          options={STATUS_OPTIONS}
          className="w-56"
        />
        <FilterSelect
          name="type"
          label="Type"
          anyLabel="Any type"
          value={query.type}
          options={[
            { value: "individual", label: "Individual" },
            { value: "company", label: "Company" },
          ]}
          className="w-36"
        />
        <FilterSelect
          name="country"
          label="Country"
          anyLabel="Any country"
          value={query.country}
          options={COUNTRY_OPTIONS}
          className="w-48"
        />
        <FilterSelect
          name="action"
          label="Needs action"
          anyLabel="Everyone"
          value={query.action}
          options={[{ value: "needed", label: "Needs action" }]}
          className="w-40"
        />
        <FilterSelect
          name="sort"
          label="Sort by"
          anyLabel="Created"
          value={query.sort === "created" ? undefined : query.sort}
          options={[
            { value: "activity", label: "Last activity" },
            { value: "name", label: "Name" },
          ]}
          className="w-36"
        />
        <FilterSelect
          name="dir"
          label="Order"
          anyLabel="Usual order"
          value={query.dir}
          options={[
            { value: "desc", label: "Descending" },
            { value: "asc", label: "Ascending" },
          ]}
          className="w-36"
        />
      </FilterBar>
      {query.action === "needed" && (
        <p className="text-sm text-muted-foreground">
          Needs action: changes were requested (by a reviewer, or Wallex asked for a document again), or the member was
          invited more than {INVITATION_NUDGE_HOURS} hours ago and has not accepted yet.
        </p>
      )}
      <Card>
        <CardContent className="px-0">
          <MembersTable
            rows={page.rows}
            basePath={basePath}
            filtered={hasFilters(filters)}
            newMemberHref={newMemberHref}
          />
        </CardContent>
      </Card>
      <MembersPagination
        basePath={basePath}
        searchParams={kept}
        total={total}
        cap={MEMBER_COUNT_CAP}
        shown={page.rows.length}
        next={page.next}
        previous={page.previous}
      />
    </div>
  );
}
