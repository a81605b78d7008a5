import { AppShell } from "@/components/layout/app-shell";
import { NotificationsMenu, type ShellNotification } from "@/components/layout/notifications-menu";
import { getDb } from "@/db";
import { signOutAction } from "@/lib/actions/auth/sign-out";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/scope";
import { listNotifications } from "@/lib/data/notifications";
import { listStaffMembershipsOfUser } from "@/lib/data/users";
import { formatDateTime } from "@/lib/format";
import { smtpConfigured } from "@/lib/mail/outbox";
import { staffNav } from "@/lib/navigation";
import { kindSlug, RESOURCES, titleOf, type ResourceKind } from "@/lib/wallex/mirror/resources";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string }> };

export default async function StaffLayout({ children, params }: Props) {
  const { partnerSlug } = await params;
  const scope = await requireStaff(partnerSlug);
  const db = getDb();
  const [memberships, notifications] = await Promise.all([
    listStaffMembershipsOfUser(db, scope.user.id),
    can(scope.role, "payments.read") ? listNotifications(db, scope) : [],
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
        can(scope.role, "payments.read") && <NotificationsMenu partnerSlug={scope.partnerSlug} items={notifications.map((n) => toShellNotification(scope.partnerSlug, n))} />
      }
    >
      {children}
    </AppShell>
  );
}

type Notification = Awaited<ReturnType<typeof listNotifications>>[number];

function toShellNotification(partnerSlug: string, n: Notification): ShellNotification {
  const kind = n.kind as ResourceKind;
  const words = (status: string | null) => (status ?? "updated").replaceAll("_", " ");
  return {
    id: n.id,
    title: `${titleOf(RESOURCES[kind])} ${n.wallexId.slice(0, 8)}… ${words(n.status)}`,
    detail: `${n.previousStatus ? `Was ${words(n.previousStatus)} · ` : ""}${formatDateTime(n.at)}`,
    href: `/p/${partnerSlug}/records/${kindSlug(kind)}?q=${encodeURIComponent(n.wallexId)}`,
    at: n.at.toISOString(),
  };
}
