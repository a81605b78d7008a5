import { FilterBar, FilterInput, FilterSelect } from "@/components/lists/filter-bar";
import type { ApiLogFilters } from "@/lib/validations/api-log";

const outcomes = [
  { value: "ok", label: "Succeeded" },
  { value: "error", label: "Failed" },
];

type Props = {
  operations: string[];
  filters: ApiLogFilters;
  problems: { requestId?: string } | null;
  basePath: string;
};

export function ApiLogFiltersForm({ operations, filters, problems, basePath }: Props) {
  return (
    <FilterBar basePath={basePath}>
      <FilterSelect
        name="operation"
        label="Operation"
        anyLabel="All operations"
        value={filters.operation}
        options={operations}
      />
      <FilterSelect
        name="outcome"
        label="Outcome"
        anyLabel="Any"
        value={filters.outcome}
        options={outcomes}
        className="w-40"
      />
      <FilterInput
        name="requestId"
        label="Request ID"
        placeholder="First characters…"
        defaultValue={filters.requestId ?? ""}
        error={problems?.requestId}
        className="w-72 font-mono"
      />
    </FilterBar>
  );
}
