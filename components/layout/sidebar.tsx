"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { Logo } from "./logo";
import { NavIconGlyph, type NavIcon } from "./nav-icon";
import { TenantSwitcher } from "./tenant-switcher";
import { UserMenu } from "./user-menu";

export type NavItem = { href: string; label: string; icon: NavIcon; group?: string };
export type PartnerOption = { slug: string; name: string; role: string };

export type SidebarProps = {
  user: { name: string; email: string };
  currentPartner: { slug: string; name: string };
  partners: PartnerOption[];
  nav: NavItem[];
  signOutAction: () => Promise<void>;
};

export function Sidebar({ user, currentPartner, partners, nav, signOutAction, onNavigate }: SidebarProps & { onNavigate?: () => void }) {
  const pathname = usePathname();
  const overview = `/p/${currentPartner.slug}`;
  const isActive = (href: string) => (href === overview ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  const groups = [...new Set(nav.map((item) => item.group ?? ""))];

  return (
    <div className="flex h-full flex-col">
      <div className="flex h-14 items-center gap-2 px-5 font-semibold">
        <Logo className="size-6" /> Partner Desk
      </div>
      <div className="px-3">
        <TenantSwitcher current={currentPartner} partners={partners} />
      </div>
      <nav aria-label="Main" className="mt-4 flex-1 space-y-5 overflow-y-auto px-3">
        {groups.map((group) => (
          <div key={group}>
            {group && <p className="px-2 pb-1 text-xs font-medium text-muted-foreground">{group}</p>}
            <ul className="space-y-0.5">
              {nav
                .filter((item) => (item.group ?? "") === group)
                .map((item) => {
                  const active = isActive(item.href);
                  return (
                    <li key={item.href}>
                      <Link
                        href={item.href}
                        onClick={onNavigate}
                        aria-current={active ? "page" : undefined}
                        className={cn(
                          "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-muted-foreground transition-colors hover:bg-muted hover:text-foreground",
                          active && "bg-accent font-medium text-accent-foreground hover:bg-accent",
                        )}
                      >
                        <NavIconGlyph name={item.icon} className="size-4" />
                        {item.label}
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </nav>
      <div className="border-t p-3">
        <UserMenu user={user} signOutAction={signOutAction} />
      </div>
    </div>
  );
}
