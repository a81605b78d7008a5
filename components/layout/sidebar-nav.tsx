"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { NavIconGlyph } from "@/components/layout/nav-icon";
import type { NavItem } from "@/components/layout/types";
import { cn } from "@/lib/utils";

export type SidebarNavProps = {
  items: NavItem[];
  /** Links matched exactly, never by prefix (the partner overview `/p/<slug>`). */
  exactHrefs?: string[];
  className?: string;
};

export function isNavItemActive(pathname: string, href: string, exact: boolean) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === href) return true;
  return !exact && path.startsWith(`${href}/`);
}

/** Group items by `group`, keeping first-seen order; ungrouped items come first. */
function groupItems(items: NavItem[]) {
  const groups = new Map<string, NavItem[]>();
  for (const item of items) {
    const key = item.group ?? "";
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : 0));
}

export function SidebarNav({ items, exactHrefs = [], className }: SidebarNavProps) {
  const pathname = usePathname() ?? "";
  const uid = useId();
  // The most specific match wins, so /p/acme/team/invites highlights "Invites" rather than "Team".
  const active = items
    .filter((item) => isNavItemActive(pathname, item.href, exactHrefs.includes(item.href)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;

  return (
    <nav aria-label="Main" className={cn("flex flex-col gap-5", className)}>
      {groupItems(items).map(([group, groupItems], index) => {
        const labelId = `${uid}-group-${index}`;
        return (
          <div key={group || "_"} className="flex flex-col gap-1">
            {group && (
              <p
                id={labelId}
                className="px-2 pb-1 text-[11px] font-medium tracking-wider text-muted-foreground uppercase"
              >
                {group}
              </p>
            )}
            <ul aria-labelledby={group ? labelId : undefined} className="flex flex-col gap-0.5">
              {groupItems.map((item) => {
                const isActive = item.href === active;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={isActive ? "page" : undefined}
                      className={cn(
                        "group flex h-8 items-center gap-2.5 rounded-md px-2 text-sm font-medium text-sidebar-foreground transition-colors outline-none",
                        "hover:bg-sidebar-accent hover:text-sidebar-accent-foreground",
                        "focus-visible:ring-2 focus-visible:ring-ring",
                        isActive && "bg-background text-foreground shadow-xs ring-1 ring-border hover:bg-background",
                      )}
                    >
                      <NavIconGlyph
                        icon={item.icon}
                        className={cn(
                          "text-muted-foreground transition-colors group-hover:text-foreground",
                          isActive && "text-primary group-hover:text-primary",
                        )}
                      />
                      <span className="truncate">{item.label}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
