import Link from "next/link";
import { cn } from "@/lib/utils";

type Tab = { slug: string; label: string; count: number };

/** One tab per Wallex resource we mirror, with how many we hold. */
export function KindTabs({ basePath, tabs, current }: { basePath: string; tabs: Tab[]; current: string }) {
  return (
    <nav aria-label="Record types" className="flex flex-wrap gap-1 border-b pb-2">
      {tabs.map((tab) => (
        <Link
          key={tab.slug}
          href={`${basePath}/${tab.slug}`}
          aria-current={tab.slug === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground",
            tab.slug === current && "bg-muted font-medium text-foreground",
          )}
        >
          {tab.label} <span className="ml-1 tabular-nums text-xs text-muted-foreground">{tab.count}</span>
        </Link>
      ))}
    </nav>
  );
}
