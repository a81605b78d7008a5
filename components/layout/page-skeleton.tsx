import { Skeleton } from "@/components/ui/skeleton";

export type PageSkeletonProps = { rows?: number; columns?: number };

/** Loading placeholder shaped like a page header over a table; for `loading.tsx`. */
export function PageSkeleton({ rows = 8, columns = 4 }: PageSkeletonProps) {
  const cols = Array.from({ length: columns }, (_, i) => i);
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading…</span>
      <div className="space-y-3">
        <Skeleton className="h-3.5 w-40" />
        <div className="flex items-start justify-between gap-4">
          <div className="space-y-2">
            <Skeleton className="h-7 w-56" />
            <Skeleton className="h-4 w-80 max-w-[70vw]" />
          </div>
          <Skeleton className="hidden h-9 w-28 sm:block" />
        </div>
      </div>
      <div className="overflow-hidden rounded-lg border bg-card shadow-xs">
        <div className="flex h-10 items-center gap-6 border-b bg-muted/50 px-6">
          {cols.map((c) => (
            <Skeleton key={c} className="h-3 flex-1 bg-zinc-200" />
          ))}
        </div>
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex h-12 items-center gap-6 border-b px-6 last:border-0">
            {cols.map((c) => (
              <Skeleton key={c} className="h-3.5 flex-1" style={{ maxWidth: `${60 + ((r * 7 + c * 13) % 35)}%` }} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
