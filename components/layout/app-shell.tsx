import { MobileNav } from "./mobile-nav";
import { Sidebar, type SidebarProps } from "./sidebar";

export type { NavItem, PartnerOption } from "./sidebar";

type Props = SidebarProps & { banner?: React.ReactNode; children: React.ReactNode };

/** The staff frame: a fixed sidebar on laptops, a slide-over menu on tablets and phones. */
export function AppShell({ banner, children, ...sidebar }: Props) {
  return (
    <div className="min-h-screen bg-muted/40">
      <aside className="fixed inset-y-0 left-0 hidden w-64 border-r bg-background lg:block">
        <Sidebar {...sidebar} />
      </aside>
      <div className="lg:pl-64">
        <MobileNav {...sidebar} />
        {banner}
        <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</main>
      </div>
    </div>
  );
}
