import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { MobileNav } from "@/components/layout/mobile-nav";
import { Sidebar } from "@/components/layout/sidebar";
import type { NavItem, ShellMembership, ShellPartner, ShellUser } from "@/components/layout/types";

export type { NavIcon } from "@/components/layout/nav-icon";
export type { NavItem, PartnerOption, ShellMembership, ShellPartner, ShellUser } from "@/components/layout/types";

export type AppShellProps = {
  user: ShellUser;
  currentPartner: ShellPartner;
  partners: ShellMembership[];
  nav: NavItem[];
  /** A server action; the user menu's "Sign out" submits a form with it. */
  signOutAction: () => Promise<void>;
  /** Full-width strip above the content (see `Banner`). */
  banner?: React.ReactNode;
  /** The notifications menu, beside the brand. */
  notifications?: React.ReactNode;
  children: React.ReactNode;
};

/** The signed-in staff frame: fixed sidebar on lg+, a top bar with a slide-over menu below that. Server-compatible. */
export function AppShell({
  user,
  currentPartner,
  partners,
  nav,
  signOutAction,
  banner,
  notifications,
  children,
}: AppShellProps) {
  const sidebar = (
    <Sidebar
      user={user}
      currentPartner={currentPartner}
      partners={partners}
      nav={nav}
      signOutAction={signOutAction}
      notifications={notifications}
    />
  );
  return (
    <div className="min-h-dvh bg-background">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm font-medium shadow-md ring-2 ring-ring focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>

      <aside
        aria-label="Sidebar"
        className="fixed inset-y-0 left-0 z-30 hidden w-64 border-r border-sidebar-border bg-sidebar lg:block"
      >
        {sidebar}
      </aside>

      <div className="flex min-h-dvh flex-col lg:pl-64">
        <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-2 border-b bg-background/90 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/75 sm:px-6 lg:hidden">
          <MobileNav>{sidebar}</MobileNav>
          <Link
            href={`/p/${currentPartner.slug}`}
            className="flex min-w-0 items-center gap-2 rounded-md font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            <Logo className="size-6" />
            <span className="shrink-0">Partner Desk</span>
          </Link>
          <span aria-hidden="true" className="text-border">
            /
          </span>
          <span className="truncate text-sm text-muted-foreground">{currentPartner.name}</span>
          {notifications && <div className="ml-auto">{notifications}</div>}
        </header>

        {banner}

        <main id="main-content" tabIndex={-1} className="flex-1 outline-none">
          <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:px-10 lg:py-8">{children}</div>
        </main>
      </div>
    </div>
  );
}
