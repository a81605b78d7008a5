import { Bell } from "lucide-react";
import Link from "next/link";
import { StatusBadge } from "@/components/records/records-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type NotificationRow = {
  id: string;
  title: string;
  kindLabel: string;
  status: string | null;
  previousStatus: string | null;
  when: string;
  href: string;
  unread: boolean;
};

export function NotificationsTable({ rows }: { rows: NotificationRow[] }) {
  if (rows.length === 0) {
    return (
      <div className="p-6">
        <EmptyState
          icon={<Bell />}
          title="No status changes"
          description="Nothing matches. Status changes appear here as Wallex notifies us and as the reconcile job finds them."
        />
      </div>
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">When</TableHead>
          <TableHead>Record</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead className="pr-6">Change</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="notification-row" data-unread={row.unread || undefined}>
            <TableCell className="whitespace-nowrap pl-6 text-muted-foreground">{row.when}</TableCell>
            <TableCell>
              <Link
                href={row.href}
                className="inline-flex items-center gap-1.5 text-primary underline-offset-4 hover:underline"
              >
                {row.unread && <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full bg-primary" />}
                {row.title}
                {row.unread && <span className="sr-only">(new)</span>}
              </Link>
            </TableCell>
            <TableCell className="text-muted-foreground">{row.kindLabel}</TableCell>
            <TableCell className="whitespace-nowrap pr-6">
              {row.previousStatus && (
                <>
                  <StatusBadge status={row.previousStatus} /> <span className="text-muted-foreground">→</span>{" "}
                </>
              )}
              <StatusBadge status={row.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
