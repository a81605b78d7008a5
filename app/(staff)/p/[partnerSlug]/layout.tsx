import { AppShell } from "@/components/layout/app-shell";
import { NotificationsMenu } from "@/components/layout/notifications-menu";
import { signOutAction } from "@/lib/actions/auth/sign-out";
import { can, roleLabels } from "@/lib/auth/permissions";
import { listMembershipsOfRequest, requireStaff } from "@/lib/auth/scope";
import { UNREAD_CAP } from "@/lib/data/notifications";
import { smtpConfigured } from "@/lib/mail/outbox";
import { describeNotification } from "@/lib/notifications/describe";
import { staffNav } from "@/lib/navigation";
import { notificationsMenuOfRequest } from "./notifications-menu";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string }> };

export default async function StaffLayout({ children, params }: Props) {
  const { partnerSlug } = await params;
  const scope = await requireStaff(partnerSlug);
  const [memberships, notifications] = await Promise.all([
    listMembershipsOfRequest(scope.user.id), // read already by requireStaff in this request
    can(scope.role, "records.read") ? notificationsMenuOfRequest(scope) : undefined,
  ]);
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
      notifications={
        notifications && (
          <NotificationsMenu
            partnerSlug={scope.partnerSlug}
            items={notifications.items.map((n) => describeNotification(scope.partnerSlug, n))}
            unread={notifications.unread}
            cap={UNREAD_CAP}
            seeAllHref={`/p/${scope.partnerSlug}/notifications`}
          />
        )
      }
    >
      {children}
    </AppShell>
  );
}
