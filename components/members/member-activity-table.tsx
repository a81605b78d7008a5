import Link from "next/link";
import { StatusBadge } from "@/components/records/records-table";
import { ShortId } from "@/components/ui/short-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type MemberActivityItem = {
  key: string;
  kind: string;
  wallexId: string;
  status: string | null;
  amount: string | null;
  reference: string | null;
  at: string;
  href: string;
};

export function MemberActivityTable({ rows }: { rows: MemberActivityItem[] }) {
  if (rows.length === 0) return <p className="px-6 pb-2 text-sm text-muted-foreground">No money has moved yet.</p>;
  return (
    <Table label="Member activity">
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">Record</TableHead>
          <TableHead>Wallex ID</TableHead>
          <TableHead className="text-right">Amount</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Reference</TableHead>
          <TableHead className="pr-6">When</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell className="pl-6 whitespace-nowrap">{row.kind}</TableCell>
            <TableCell className="font-mono text-xs">
              <Link
                href={row.href}
                aria-label={`${row.kind} ${row.wallexId}`}
                className="whitespace-nowrap text-primary underline-offset-4 hover:underline"
              >
                <ShortId id={row.wallexId} />
              </Link>
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">{row.amount ?? "—"}</TableCell>
            <TableCell>
              <StatusBadge status={row.status} />
            </TableCell>
            <TableCell>
              <div className="max-w-40 truncate" title={row.reference ?? undefined}>
                {row.reference ?? "—"}
              </div>
            </TableCell>
            <TableCell className="min-w-24 pr-6 text-muted-foreground">{row.at}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
