import { Webhook } from "lucide-react";
import { ListEmptyState } from "@/components/lists/list-empty-state";
import { Badge } from "@/components/ui/badge";
import { ShortId } from "@/components/ui/short-id";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { WebhookEvent } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { ReplayButton } from "./replay-button";

const outcomeVariant = {
  received: "secondary",
  processed: "success",
  failed: "destructive",
  rejected: "warning",
} as const;

type Row = Omit<WebhookEvent, "body"> & { member: string | null };

type Props = { rows: Row[]; partnerSlug: string; canReplay: boolean; filtered: boolean; clearHref: string };

export function WebhookEventsTable({ rows, partnerSlug, canReplay, filtered, clearHref }: Props) {
  if (rows.length === 0) {
    return (
      <div className="p-6">
        <ListEmptyState
          icon={<Webhook />}
          noun="notifications"
          filtered={filtered}
          clearHref={clearHref}
          description="Wallex's notifications show up here as they arrive."
        />
      </div>
    );
  }
  return (
    <Table label="Webhook notifications">
      <TableHeader>
        <TableRow>
          <TableHead className="pl-6">Received</TableHead>
          <TableHead>Resource</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Member</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Payload</TableHead>
          {canReplay && <TableHead className="pr-6 text-right">Actions</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((event) => (
          <TableRow key={event.id} className="align-top" data-testid={`webhook-event-${event.id}`}>
            <TableCell className="whitespace-nowrap pl-6 text-muted-foreground">
              {formatDateTime(event.receivedAt)}
            </TableCell>
            <TableCell>
              <div className="font-medium">{event.resource ?? "—"}</div>
              {event.resourceId && (
                <div className="text-xs text-muted-foreground">
                  <ShortId id={event.resourceId} />
                </div>
              )}
            </TableCell>
            <TableCell>{event.status ?? "—"}</TableCell>
            <TableCell>
              {/* Widths on inner blocks: a table cell ignores max-width, and long text would push Replay out of view. */}
              <div className="max-w-48 truncate">
                {event.member ?? (event.accountId ? <ShortId id={event.accountId} /> : "—")}
              </div>
            </TableCell>
            <TableCell>
              <div className="max-w-64 break-words">
                <Badge variant={outcomeVariant[event.outcome]}>{event.outcome}</Badge>
                {(event.result ?? event.error) && (
                  <div className="mt-1 text-xs text-muted-foreground">{event.result ?? event.error}</div>
                )}
                {event.attempts > 1 && <div className="text-xs text-muted-foreground">{event.attempts} attempts</div>}
              </div>
            </TableCell>
            <TableCell>
              {event.rawBody === null ? (
                <div className="text-xs text-muted-foreground" data-testid="body-not-kept">
                  Body not kept
                  {event.bodySize !== null && (
                    <>
                      {" "}
                      ({event.bodySize} bytes
                      {event.bodySha256 && (
                        <>
                          , sha256 <ShortId id={event.bodySha256} />
                        </>
                      )}
                      )
                    </>
                  )}
                  {event.sourceIp && <> from {event.sourceIp}</>}
                </div>
              ) : (
                // Wrapped, not scrolled sideways: an unbreakable line would widen the column and push Replay out of view.
                <details>
                  <summary className="cursor-pointer text-xs text-primary">Raw body</summary>
                  <pre
                    tabIndex={0}
                    aria-label={`Raw body of the ${event.resource ?? "notification"} notification`}
                    className="mt-2 max-h-48 max-w-sm overflow-auto rounded bg-muted p-2 text-xs break-all whitespace-pre-wrap outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  >
                    {event.rawBody}
                  </pre>
                </details>
              )}
            </TableCell>
            {canReplay && (
              <TableCell className="pr-6 text-right">
                {event.outcome !== "rejected" && <ReplayButton partnerSlug={partnerSlug} eventId={event.id} />}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
