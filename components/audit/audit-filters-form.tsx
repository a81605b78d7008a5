import { FilterBar, FilterInput, FilterSelect } from "@/components/data-table/filter-bar";
import type { AuditFilters } from "@/lib/validations/audit";

export function AuditFiltersForm({ actions, filters, basePath }: { actions: string[]; filters: AuditFilters; basePath: string }) {
  return (
    <FilterBar basePath={basePath}>
      <FilterSelect name="action" label="Action" anyLabel="All actions" value={filters.action} options={actions} />
      <FilterInput name="actor" label="Actor" placeholder="Email contains…" defaultValue={filters.actor ?? ""} className="w-56" />
      <FilterInput name="from" label="From" type="date" defaultValue={filters.from ?? ""} />
      <FilterInput name="to" label="To" type="date" defaultValue={filters.to ?? ""} />
    </FilterBar>
  );
}
