import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { ApiLogFilters } from "@/lib/validations/api-log";

export function ApiLogFiltersForm({ operations, filters, basePath }: { operations: string[]; filters: ApiLogFilters; basePath: string }) {
  return (
    <form method="get" action={basePath} className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
      <div className="grid gap-1.5">
        <Label htmlFor="filter-operation">Operation</Label>
        <NativeSelect id="filter-operation" name="operation" defaultValue={filters.operation ?? ""} className="w-56">
          <option value="">All operations</option>
          {operations.map((operation) => (
            <option key={operation} value={operation}>
              {operation}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-outcome">Outcome</Label>
        <NativeSelect id="filter-outcome" name="outcome" defaultValue={filters.outcome ?? ""} className="w-40">
          <option value="">Any</option>
          <option value="ok">Succeeded</option>
          <option value="error">Failed</option>
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-request">Request ID</Label>
        <Input id="filter-request" name="requestId" defaultValue={filters.requestId ?? ""} className="w-72 font-mono" />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <Button asChild variant="ghost">
          <a href={basePath}>Clear</a>
        </Button>
      </div>
    </form>
  );
}
