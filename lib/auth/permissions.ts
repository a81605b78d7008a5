import type { StaffRole } from "@/db/schema";
import type { ResourceKind } from "@/lib/records/mirror-tables";

/** Every staff permission, and which roles hold it. Code asks for permissions, never role names. */
export const permissionTable = {
  "dashboard.read": ["admin", "operator", "compliance", "viewer"],
  "team.read": ["admin", "operator", "compliance", "viewer"],
  "team.manage": ["admin"],
  "settings.manage": ["admin"],
  "audit.read": ["admin", "compliance"],
  // The Wallex records pages (our mirror), and the status changes the bell reports from it.
  "records.read": ["admin", "operator", "compliance", "viewer"],
  // Re-reading a record from Wallex now: any record, or (compliance) a member's only.
  "records.refresh": ["admin", "operator"],
  "records.refresh-member": ["admin", "operator", "compliance"],
  "members.read": ["admin", "operator", "compliance", "viewer"],
  "members.manage": ["admin", "operator"],
  "kyc.review": ["admin", "compliance"],
  "kyc.decide": ["admin", "compliance"],
  "payments.read": ["admin", "operator", "compliance", "viewer"],
  "payments.create": ["admin", "operator"],
  "payments.approve": ["admin"],
  "webhooks.read": ["admin", "operator"],
  "webhooks.replay": ["admin"],
  "api-log.read": ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof permissionTable;

export const staffRoles = ["admin", "operator", "compliance", "viewer"] as const satisfies readonly StaffRole[];

export const roleLabels: Record<StaffRole, string> = {
  admin: "Admin",
  operator: "Operator",
  compliance: "Compliance reviewer",
  viewer: "Viewer",
};

export function can(role: StaffRole, permission: Permission): boolean {
  return (permissionTable[permission] as readonly StaffRole[]).includes(role);
}

export function permissionsOf(role: StaffRole): Permission[] {
  return (Object.keys(permissionTable) as Permission[]).filter((p) => can(role, p));
}

/** Records compliance may re-read: the people they review, not money. */
const MEMBER_RECORD_KINDS: readonly ResourceKind[] = ["user"];

/** The permission that lets a person re-read one record of `kind` from Wallex. */
export function refreshPermissionFor(kind: ResourceKind): Permission {
  return MEMBER_RECORD_KINDS.includes(kind) ? "records.refresh-member" : "records.refresh";
}

/** Admins must use two-factor authentication; the others may. */
export function requiresTwoFactor(role: StaffRole) {
  return role === "admin";
}
