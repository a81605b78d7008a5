import { ScrollText } from "lucide-react";
import { ListEmptyState } from "@/components/lists/list-empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEvent } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { ChangeSummary } from "./change-summary";

export function AuditTable({
  rows,
  filtered,
  clearHref,
}: {
  rows: AuditEvent[];
  filtered: boolean;
  clearHref: string;
}) {
  if (rows.length === 0) {
    return (
      <div className="p-6">
        <ListEmptyState
          icon={<ScrollText />}
          noun="audit events"
          filtered={filtered}
          clearHref={clearHref}
          description="Every change made in this partner is recorded here."
        />
      </div>
    );
  }
  return (
    <Table label="Audit log entries">
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">When</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Change</TableHead>
          <TableHead className="pr-6">Request</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} className="align-top">
            <TableCell className="whitespace-nowrap pl-6 text-muted-foreground">
              {formatDateTime(row.createdAt)}
            </TableCell>
            <TableCell>
              <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{row.action}</code>
              {row.targetType && <div className="mt-1 text-xs text-muted-foreground">{row.targetType}</div>}
            </TableCell>
            <TableCell>{row.actorEmail ?? "system"}</TableCell>
            <TableCell className="max-w-md">
              <ChangeSummary before={row.before} after={row.after} />
            </TableCell>
            <TableCell className="pr-6 text-xs text-muted-foreground">
              <div>{row.ip ?? "—"}</div>
              <div className="font-mono" title={row.requestId ?? undefined}>
                {row.requestId?.slice(0, 8) ?? ""}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
