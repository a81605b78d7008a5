import { FilterBar, FilterInput, FilterSelect } from "@/components/lists/filter-bar";
import type { AuditFilterProblems, AuditFilters } from "@/lib/validations/audit";

type Props = { actions: string[]; filters: AuditFilters; problems: AuditFilterProblems | null; basePath: string };

export function AuditFiltersForm({ actions, filters, problems, basePath }: Props) {
  return (
    <FilterBar basePath={basePath}>
      <FilterSelect name="action" label="Action" anyLabel="All actions" value={filters.action} options={actions} />
      <FilterInput
        name="actor"
        label="Actor"
        placeholder="Email contains…"
        defaultValue={filters.actor ?? ""}
        className="w-56"
      />
      <FilterInput
        name="requestId"
        label="Request ID"
        placeholder="First characters…"
        defaultValue={filters.requestId ?? ""}
        error={problems?.requestId}
        className="w-44 font-mono"
      />
      <FilterInput name="from" label="From" type="date" defaultValue={filters.from ?? ""} error={problems?.from} />
      <FilterInput name="to" label="To" type="date" defaultValue={filters.to ?? ""} />
    </FilterBar>
  );
}
