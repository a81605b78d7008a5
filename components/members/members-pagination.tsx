import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { pageHref } from "@/components/lists/pagination";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type Props = {
  basePath: string;
  /** The list's filters and sort, kept in every link (the cursors are replaced). */
  searchParams: Record<string, string | undefined>;
  total: number;
  /** `total` was counted up to this (+1): beyond it the count reads "cap+". */
  cap: number;
  shown: number;
  next?: string;
  previous?: string;
};

const numberFormat = new Intl.NumberFormat("en-US");

/**
 * Keyset pages: Previous and Next carry the row to continue from, so a page far down costs what the
 * first does. "First page" drops the cursor.
 */
export function MembersPagination({ basePath, searchParams, total, cap, shown, next, previous }: Props) {
  const { after: _a, before: _b, ...kept } = searchParams;
  const link = (cursor: Record<string, string>) => pageHref(basePath, { ...kept, ...cursor }, 1);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {total === 0 ? (
          "No members"
        ) : (
          <>
            <span className="font-medium text-foreground tabular-nums">{numberFormat.format(shown)}</span> shown of{" "}
            <span className="font-medium text-foreground tabular-nums">
              {total > cap ? `${numberFormat.format(cap)}+` : numberFormat.format(total)}
            </span>{" "}
            {total === 1 ? "member" : "members"}
          </>
        )}
      </p>
      <div className="flex items-center gap-2">
        {previous && (
          <Link href={link({})} className={buttonVariants({ variant: "ghost", size: "sm" })}>
            First page
          </Link>
        )}
        <PageLink href={previous ? link({ before: previous }) : undefined} rel="prev">
          <ChevronLeft aria-hidden="true" />
          Previous
        </PageLink>
        <PageLink href={next ? link({ after: next }) : undefined} rel="next">
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
