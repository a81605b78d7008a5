import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { AuditFilters } from "@/lib/validations/audit";

/** A plain GET form: filters live in the URL, so they can be shared and survive a reload. */
export function AuditFiltersForm({ actions, filters, basePath }: { actions: string[]; filters: AuditFilters; basePath: string }) {
  return (
    <form method="get" action={basePath} className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4">
      <div className="grid gap-1.5">
        <Label htmlFor="filter-action">Action</Label>
        <NativeSelect id="filter-action" name="action" defaultValue={filters.action ?? ""} className="w-56">
          <option value="">All actions</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-actor">Actor</Label>
        <Input id="filter-actor" name="actor" placeholder="Email contains…" defaultValue={filters.actor ?? ""} className="w-56" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-from">From</Label>
        <Input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-to">To</Label>
        <Input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
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
