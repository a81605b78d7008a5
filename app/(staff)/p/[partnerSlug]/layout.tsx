import { AppShell } from "@/components/layout/app-shell";
import { getDb } from "@/db";
import { signOutAction } from "@/lib/actions/auth/sign-out";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/scope";
import { listStaffMembershipsOfUser } from "@/lib/data/users";
import { smtpConfigured } from "@/lib/mail/outbox";
import { staffNav } from "@/lib/navigation";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string }> };

export default async function StaffLayout({ children, params }: Props) {
  const { partnerSlug } = await params;
  const scope = await requireStaff(partnerSlug);
  const memberships = await listStaffMembershipsOfUser(getDb(), scope.user.id);
  const nav = staffNav(scope.partnerSlug, scope.role);
  if (!smtpConfigured() && can(scope.role, "team.manage")) {
    nav.push({ href: `/p/${scope.partnerSlug}/mailbox`, label: "Dev mailbox", icon: "mail", group: "Development" });
  }
  return (
    <AppShell
      user={{ name: scope.user.name, email: scope.user.email }}
      currentPartner={{ slug: scope.partnerSlug, name: scope.partnerName }}
      partners={memberships.map((m) => ({ slug: m.partnerSlug, name: m.partnerName, role: roleLabels[m.role] }))}
      nav={nav}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
