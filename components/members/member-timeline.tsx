import { ChangeSummary } from "@/components/audit/change-summary";
import { StatusBadge } from "@/components/records/records-table";
import { Badge } from "@/components/ui/badge";

export type MemberTimelineItem =
  | {
      source: "audit";
      id: string;
      at: string;
      action: string;
      actorEmail: string | null;
      before: unknown;
      after: unknown;
    }
  | {
      source: "wallex";
      id: string;
      at: string;
      status: string | null;
      previousStatus: string | null;
      via: "write" | "webhook" | "reconcile";
    };

const via = { write: "our request", webhook: "Wallex notification", reconcile: "reconcile" } as const;

/** Our audit entries and Wallex's status changes in one list, in time order. */
export function MemberTimeline({ entries }: { entries: MemberTimelineItem[] }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">Nothing has happened yet.</p>;
  return (
    <ol className="space-y-4 border-l pl-4" aria-label="Member timeline">
      {entries.map((entry) => (
        <li key={`${entry.source}-${entry.id}`} className="relative">
          <span
            className="absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-background bg-primary"
            aria-hidden
          />
          {entry.source === "audit" ? (
            <div className="space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant="outline">Partner Desk</Badge>
                <code className="rounded bg-muted px-1.5 py-0.5 text-xs break-all">{entry.action}</code>
              </div>
              <ChangeSummary before={entry.before} after={entry.after} />
              <div className="text-xs text-muted-foreground">
                {entry.at} · {entry.actorEmail ?? "system"}
              </div>
            </div>
          ) : (
            <div className="space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant="outline">Wallex</Badge>
                <StatusBadge status={entry.status} />
                {entry.previousStatus && (
                  <span className="text-xs text-muted-foreground">
                    from {entry.previousStatus.replaceAll("_", " ")}
                  </span>
                )}
              </div>
              <div className="text-xs text-muted-foreground">
                {entry.at} · {via[entry.via]}
              </div>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
