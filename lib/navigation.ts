import type { NavIcon } from "@/components/layout/nav-icon";
import type { StaffRole } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";

type NavEntry = { path: string; label: string; icon: NavIcon; group: string; permission: Permission };

/** The staff sidebar; each entry shows only to roles holding its permission. */
const entries: NavEntry[] = [
  { path: "", label: "Overview", icon: "home", group: "Workspace", permission: "dashboard.read" },
  { path: "/members", label: "Members", icon: "user-check", group: "Workspace", permission: "members.read" },
  { path: "/records", label: "Wallex records", icon: "landmark", group: "Workspace", permission: "records.read" },
  { path: "/team", label: "Team", icon: "users", group: "Administration", permission: "team.manage" },
  { path: "/audit", label: "Audit log", icon: "scroll", group: "Administration", permission: "audit.read" },
  { path: "/webhooks", label: "Webhooks", icon: "webhook", group: "Administration", permission: "webhooks.read" },
  { path: "/api-log", label: "API log", icon: "activity", group: "Administration", permission: "api-log.read" },
  { path: "/settings", label: "Settings", icon: "settings", group: "Administration", permission: "settings.manage" },
];

export function staffNav(partnerSlug: string, role: StaffRole) {
  return entries
    .filter((entry) => can(role, entry.permission))
    .map(({ path, label, icon, group }) => ({ href: `/p/${partnerSlug}${path}`, label, icon, group }));
}
