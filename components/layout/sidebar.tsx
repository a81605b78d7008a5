import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { SidebarNav } from "@/components/layout/sidebar-nav";
import { TenantSwitcher } from "@/components/layout/tenant-switcher";
import type { NavItem, ShellMembership, ShellPartner, ShellUser } from "@/components/layout/types";
import { UserMenu } from "@/components/layout/user-menu";

export type { NavItem, PartnerOption } from "@/components/layout/types";

export type SidebarProps = {
  user: ShellUser;
  currentPartner: ShellPartner;
  partners: ShellMembership[];
  nav: NavItem[];
  signOutAction: () => Promise<void>;
  /** Shown beside the brand (the notifications menu). */
  notifications?: React.ReactNode;
};

/** Sidebar contents: brand, tenant switcher, grouped navigation, user menu. Used by the fixed sidebar and the mobile sheet. */
export function Sidebar({ user, currentPartner, partners, nav, signOutAction, notifications }: SidebarProps) {
  const overviewHref = `/p/${currentPartner.slug}`;
  return (
    <div className="flex h-full flex-col">
      <div data-slot="sidebar-header" className="flex h-14 shrink-0 items-center justify-between gap-2 px-4">
        <Link
          href={overviewHref}
          className="-mx-1 flex items-center gap-2 rounded-md px-1 py-1 text-[15px] font-semibold tracking-tight text-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <Logo className="size-6" />
          Partner Desk
        </Link>
        {notifications}
      </div>
      <div className="shrink-0 px-3">
        <TenantSwitcher currentPartner={currentPartner} partners={partners} />
      </div>
      <SidebarNav items={nav} exactHrefs={[overviewHref]} className="min-h-0 flex-1 overflow-y-auto px-3 py-5" />
      <div className="shrink-0 border-t border-sidebar-border p-2">
        <UserMenu user={user} signOutAction={signOutAction} />
      </div>
    </div>
  );
}
