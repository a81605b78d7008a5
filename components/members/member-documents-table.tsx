import Link from "next/link";
import { StatusBadge } from "@/components/records/records-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { humaniseKey } from "@/lib/members/kyc-status";

export type MemberDocumentRow = {
  id: string;
  wallexId: string;
  status: string | null;
  documentType: string | null;
  fileName: string | null;
  at: Date;
  href: string;
};

export function MemberDocumentsTable({ rows }: { rows: MemberDocumentRow[] }) {
  if (rows.length === 0) return <p className="px-6 pb-2 text-sm text-muted-foreground">No documents at Wallex yet.</p>;
  return (
    <Table label="Documents at Wallex">
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">Document</TableHead>
          <TableHead>File</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="pr-6">Uploaded</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="pl-6">
              <Link href={row.href} className="text-primary underline-offset-4 hover:underline">
                {row.documentType ? humaniseKey(row.documentType) : row.wallexId}
              </Link>
            </TableCell>
            <TableCell>
              <div className="max-w-48 truncate" title={row.fileName ?? undefined}>
                {row.fileName ?? "—"}
              </div>
            </TableCell>
            <TableCell>
              <StatusBadge status={row.status} />
            </TableCell>
            <TableCell className="min-w-24 pr-6 text-muted-foreground">{formatDateTime(row.at)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
