"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

type Tab = { href: string; label: string };

/** The member page's tabs, one route each; the first (the profile) is the member's own URL. */
export function MemberTabs({ tabs }: { tabs: Tab[] }) {
  const pathname = (usePathname() ?? "").replace(/\/+$/, "");
  const [home, ...rest] = tabs;
  const current = rest.find((tab) => pathname === tab.href || pathname.startsWith(`${tab.href}/`))?.href ?? home?.href;
  return (
    <nav aria-label="Member sections" className="-mx-1 flex gap-1 overflow-x-auto border-b px-1 pb-2">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cn(
            "shrink-0 rounded-md px-3 py-1.5 text-sm whitespace-nowrap text-muted-foreground hover:bg-muted hover:text-foreground",
            tab.href === current && "bg-muted font-medium text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
