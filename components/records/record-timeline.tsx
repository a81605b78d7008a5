import type { RecordTimelineEntry } from "@/lib/live/live-routes";
import { StatusBadge } from "./records-table";

const sourceLabel = { write: "our request", webhook: "Wallex notification", reconcile: "reconcile" } as const;

export function RecordTimeline({ entries }: { entries: RecordTimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">No status changes recorded.</p>;
  return (
    <ol className="space-y-4 border-l pl-4" aria-label="Status history">
      {entries.map((entry) => (
        <li key={entry.id} className="relative">
          <span
            className="absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-background bg-primary"
            aria-hidden
          />
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={entry.status} />
            {entry.previousStatus && (
              <span className="text-xs text-muted-foreground">from {entry.previousStatus.replaceAll("_", " ")}</span>
            )}
          </div>
          <div className="mt-1 text-xs text-muted-foreground">
            {entry.at} · {sourceLabel[entry.source]}
          </div>
        </li>
      ))}
    </ol>
  );
}
