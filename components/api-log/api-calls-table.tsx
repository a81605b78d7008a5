import { Activity } from "lucide-react";
import { ListEmptyState } from "@/components/lists/list-empty-state";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { wallexApiCalls } from "@/db/schema";
import { formatDateTime } from "@/lib/format";

type ApiCall = typeof wallexApiCalls.$inferSelect;

export function ApiCallsTable({
  rows,
  filtered,
  clearHref,
}: {
  rows: ApiCall[];
  filtered: boolean;
  clearHref: string;
}) {
  if (rows.length === 0) {
    return (
      <div className="p-6">
        <ListEmptyState
          icon={<Activity />}
          noun="calls to Wallex"
          filtered={filtered}
          clearHref={clearHref}
          description="Calls appear here as soon as Partner Desk talks to Wallex for this partner."
        />
      </div>
    );
  }
  return (
    <Table label="Wallex API calls">
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">When</TableHead>
          <TableHead>Operation</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Duration</TableHead>
          <TableHead className="pr-6">Request</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const failed = !row.status || row.status >= 400 || !!row.errorKind;
          return (
            <TableRow key={row.id} className="align-top">
              <TableCell className="whitespace-nowrap pl-6 text-muted-foreground">
                {formatDateTime(row.createdAt)}
              </TableCell>
              <TableCell>
                <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{row.operation}</code>
                <div className="mt-1 font-mono text-xs text-muted-foreground">
                  {row.method} {row.path}
                </div>
              </TableCell>
              <TableCell>
                <Badge variant={failed ? "destructive" : "success"}>{row.status ?? row.errorKind ?? "—"}</Badge>
                {row.attempt > 1 && <span className="ml-2 text-xs text-muted-foreground">attempt {row.attempt}</span>}
                {row.willRetry && <span className="ml-2 text-xs text-muted-foreground">retried</span>}
              </TableCell>
              <TableCell className="text-right tabular-nums">{row.durationMs} ms</TableCell>
              <TableCell className="pr-6 font-mono text-xs text-muted-foreground" title={row.requestId}>
                {row.requestId.slice(0, 8)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
