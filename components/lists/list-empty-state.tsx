import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export type ListEmptyStateProps = {
  icon: React.ReactNode;
  /** Plural, lower case: "payments", "calls to Wallex". */
  noun: string;
  /** Whether the list was narrowed by filters: then the truth is "nothing matches", not "none yet". */
  filtered: boolean;
  /** The list without filters. */
  clearHref: string;
  /** Why the list is empty when unfiltered, and how rows arrive. */
  description?: string;
};

/** The one empty state for filterable lists, so "none yet" and "nothing matches" are never mixed up. */
export function ListEmptyState({ icon, noun, filtered, clearHref, description }: ListEmptyStateProps) {
  if (filtered) {
    return (
      <EmptyState
        icon={icon}
        title="Nothing matches these filters"
        description="Try fewer filters, or clear them."
        action={
          <Button asChild variant="outline">
            <Link href={clearHref}>Clear filters</Link>
          </Button>
        }
      />
    );
  }
  return <EmptyState icon={icon} title={`No ${noun} yet`} description={description} />;
}

/** True when any filter other than the page number is set. */
export const hasFilters = (filters: Record<string, unknown>) =>
  Object.entries(filters).some(([key, value]) => key !== "page" && value !== undefined && value !== "");
