import { Webhook } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { WebhookEvent } from "@/db/schema";
import { formatDateTime } from "@/lib/format";

const outcomeVariant = { received: "secondary", processed: "success", failed: "destructive", rejected: "warning" } as const;

export function WebhookEventsTable({ rows }: { rows: WebhookEvent[] }) {
  if (rows.length === 0) {
    return (
      <div className="p-6">
        <EmptyState icon={<Webhook />} title="No notifications yet" description="Register the webhook in Settings; Wallex's notifications then show up here." />
      </div>
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">Received</TableHead>
          <TableHead>Resource</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead className="pr-6">Payload</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((event) => (
          <TableRow key={event.id} className="align-top">
            <TableCell className="whitespace-nowrap pl-6 text-muted-foreground">{formatDateTime(event.receivedAt)}</TableCell>
            <TableCell>
              <div className="font-medium">{event.resource ?? "—"}</div>
              <div className="font-mono text-xs text-muted-foreground">{event.resourceId ?? ""}</div>
            </TableCell>
            <TableCell>{event.status ?? "—"}</TableCell>
            <TableCell>
              <Badge variant={outcomeVariant[event.outcome]}>{event.outcome}</Badge>
              {event.error && <div className="mt-1 text-xs text-muted-foreground">{event.error}</div>}
            </TableCell>
            <TableCell className="max-w-sm pr-6">
              <details>
                <summary className="cursor-pointer text-xs text-primary">Raw body</summary>
                <pre className="mt-2 max-h-48 overflow-auto rounded bg-muted p-2 text-xs">{event.rawBody}</pre>
              </details>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
