import { Database } from "lucide-react";
import Link from "next/link";
import { ListEmptyState } from "@/components/lists/list-empty-state";
import { Badge } from "@/components/ui/badge";
import { ShortId } from "@/components/ui/short-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RecordColumn, RecordRow } from "@/lib/records/columns";
import { cn } from "@/lib/utils";

export function StatusBadge({ status }: { status: string | null }) {
  if (!status) return <span className="text-muted-foreground">—</span>;
  const variant = /completed|approved|active|full_paid/.test(status)
    ? "success"
    : /failed|rejected|terminated|cancel|expired/.test(status)
      ? "destructive"
      : /review|pending|awaiting|resubmission/.test(status)
        ? "warning"
        : "secondary";
  return <Badge variant={variant}>{status.replaceAll("_", " ")}</Badge>;
}

export function RecordsTable({
  rows,
  columns: all,
  basePath,
  label,
  filtered,
}: {
  rows: RecordRow[];
  columns: RecordColumn[];
  basePath: string;
  label: string;
  filtered: boolean;
}) {
  const columns = all.filter((column) => column.list !== "never");
  if (rows.length === 0) {
    return (
      <div className="p-6">
        <ListEmptyState
          icon={<Database />}
          noun={`${label}s`}
          filtered={filtered}
          clearHref={basePath}
          description="Records arrive as Partner Desk acts, as Wallex notifies us, and with the reconcile job."
        />
      </div>
    );
  }
  return (
    <Table label={`${label}s`}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHead
              key={column.key}
              className={cn(
                "first:pl-6 last:pr-6",
                column.style === "money" && "text-right",
                column.list === "wide" && WIDE_ONLY,
              )}
            >
              {column.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            {columns.map((column) => (
              <RecordCell
                key={column.key}
                column={column}
                row={row}
                href={`${basePath}/${encodeURIComponent(row.wallexId)}`}
              />
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

// Hidden below 2xl; `last:` padding then falls on a hidden cell, so visible cells keep their own.
const WIDE_ONLY = "hidden 2xl:table-cell";

/** One cell, drawn by its column's style; the Wallex id links to the record. */
function RecordCell({ column, row, href }: { column: RecordColumn; row: RecordRow; href: string }) {
  const value = column.value(row);
  const edges = cn("first:pl-6 last:pr-6", column.list === "wide" && WIDE_ONLY);
  switch (column.style) {
    case "id":
      return (
        <TableCell className={cn(edges, "font-mono text-xs")}>
          <Link
            href={href}
            aria-label={row.wallexId}
            className="whitespace-nowrap text-primary underline-offset-4 hover:underline"
          >
            <ShortId id={row.wallexId} />
          </Link>
        </TableCell>
      );
    case "status":
      return (
        <TableCell className={edges}>
          <StatusBadge status={value} />
        </TableCell>
      );
    case "money":
      return <TableCell className={cn(edges, "whitespace-nowrap text-right tabular-nums")}>{value ?? "—"}</TableCell>;
    case "muted":
      // Dates may wrap at spaces: kept on one line they made wide tables overflow a 1280px window's card.
      return <TableCell className={cn(edges, "min-w-24 text-muted-foreground")}>{value ?? "—"}</TableCell>;
    default:
      // Truncated inside: a table cell ignores max-width, and long text would widen the table.
      return (
        <TableCell className={edges}>
          <div className="max-w-32 truncate" title={value ?? undefined}>
            {value ?? "—"}
          </div>
        </TableCell>
      );
  }
}
