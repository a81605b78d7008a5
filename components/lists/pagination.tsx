import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export type PaginationProps = {
  /** 1-based current page. */
  page: number;
  pageSize: number;
  total: number;
  /** Path the links point to, e.g. `/p/acme/audit`. */
  basePath: string;
  /** Current query (filters) to keep in the links; its page param is replaced. */
  searchParams?: Record<string, string | string[] | undefined>;
  /** Query parameter name for the page (default "page"). */
  pageParam?: string;
  /** Noun for the summary, e.g. "events" → "Showing 1–50 of 230 events". */
  itemLabel?: string;
  className?: string;
};

const numberFormat = new Intl.NumberFormat("en-US");

export function pageHref(
  basePath: string,
  searchParams: PaginationProps["searchParams"],
  page: number,
  pageParam = "page",
) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams ?? {})) {
    if (key === pageParam || value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  if (page > 1) query.set(pageParam, String(page));
  const qs = query.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** Server-rendered pagination: "Showing 1–50 of 230" with Previous/Next links that keep the other params. */
export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  searchParams,
  pageParam = "page",
  itemLabel,
  className,
}: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const from = total === 0 ? 0 : (current - 1) * pageSize + 1;
  const to = Math.min(current * pageSize, total);
  const noun = itemLabel ? ` ${itemLabel}` : "";

  return (
    <nav aria-label="Pagination" className={cn("flex flex-wrap items-center justify-between gap-3", className)}>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {total === 0 ? (
          `No${noun || " results"}`
        ) : (
          <>
            Showing <span className="font-medium text-foreground tabular-nums">{numberFormat.format(from)}</span>–
            <span className="font-medium text-foreground tabular-nums">{numberFormat.format(to)}</span> of{" "}
            <span className="font-medium text-foreground tabular-nums">{numberFormat.format(total)}</span>
            {noun}
          </>
        )}
      </p>
      <div className="flex items-center gap-2">
        <span className="hidden text-sm text-muted-foreground tabular-nums sm:inline">
          Page {current} of {pageCount}
        </span>
        <PageLink href={current > 1 ? pageHref(basePath, searchParams, current - 1, pageParam) : undefined} rel="prev">
          <ChevronLeft aria-hidden="true" />
          Previous
        </PageLink>
        <PageLink
          href={current < pageCount ? pageHref(basePath, searchParams, current + 1, pageParam) : undefined}
          rel="next"
        >
          Next
          <ChevronRight aria-hidden="true" />
        </PageLink>
      </div>
    </nav>
  );
}

function PageLink({ href, rel, children }: { href?: string; rel: "prev" | "next"; children: React.ReactNode }) {
  const classes = buttonVariants({ variant: "outline", size: "sm" });
  const label = rel === "prev" ? "Previous page" : "Next page";
  if (!href) {
    return (
      <span aria-disabled="true" aria-label={label} className={cn(classes, "opacity-50")} role="link">
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} aria-label={label} className={classes}>
      {children}
    </Link>
  );
}
