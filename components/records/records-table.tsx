import { Database } from "lucide-react";
import Link from "next/link";
import { ListEmptyState } from "@/components/data-table/list-empty-state";
import { Badge } from "@/components/ui/badge";
import { ShortId } from "@/components/ui/short-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";

export type RecordRow = {
  id: string; wallexId: string; accountId: string | null; status: string | null; currency: string | null; amount: string | null;
  reference: string | null; wallexCreatedAt: Date | null; readAt: Date; member: string | null;
};

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

export function RecordsTable({ rows, basePath, label, filtered }: { rows: RecordRow[]; basePath: string; label: string; filtered: boolean }) {
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
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">Wallex ID</TableHead>
          <TableHead>Member</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Amount</TableHead>
          <TableHead>Reference</TableHead>
          <TableHead>Created</TableHead>
          <TableHead className="pr-6">Last read</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="pl-6 font-mono text-xs">
              <Link href={`${basePath}/${row.id}`} aria-label={row.wallexId} className="whitespace-nowrap text-primary underline-offset-4 hover:underline">
                <ShortId id={row.wallexId} />
              </Link>
            </TableCell>
            <TableCell className="max-w-48 truncate">{row.member ?? (row.accountId ? "—" : "Partner")}</TableCell>
            <TableCell>
              <StatusBadge status={row.status} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-right tabular-nums">
              {row.amount ? formatMoney(row.amount, row.currency) : (row.currency ?? "—")}
            </TableCell>
            <TableCell className="max-w-40 truncate" title={row.reference ?? undefined}>
              {row.reference ?? "—"}
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{row.wallexCreatedAt ? formatDateTime(row.wallexCreatedAt) : "—"}</TableCell>
            <TableCell className="whitespace-nowrap pr-6 text-muted-foreground">{formatDateTime(row.readAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
