import { describe, expect, test } from "vitest";
import { RESOURCE_KINDS } from "@/lib/records/mirror-tables";
import {
  can,
  permissionTable,
  permissionsOf,
  refreshPermissionFor,
  requiresTwoFactor,
  staffRoles,
} from "./permissions";

describe("permission table", () => {
  test("admins hold every permission", () => {
    expect(permissionsOf("admin")).toEqual(Object.keys(permissionTable));
  });

  test("viewers only read", () => {
    expect(permissionsOf("viewer").every((p) => p.endsWith(".read"))).toBe(true);
    expect(can("viewer", "settings.manage")).toBe(false);
    expect(can("viewer", "payments.create")).toBe(false);
  });

  test("compliance decides KYC but cannot move money or manage the team", () => {
    expect(can("compliance", "kyc.decide")).toBe(true);
    expect(can("compliance", "payments.create")).toBe(false);
    expect(can("compliance", "team.manage")).toBe(false);
  });

  test("operators create payments but cannot approve them or read the audit log", () => {
    expect(can("operator", "payments.create")).toBe(true);
    expect(can("operator", "payments.approve")).toBe(false);
    expect(can("operator", "audit.read")).toBe(false);
  });

  test("every staff role reads the records; viewers refresh none of them", () => {
    for (const role of staffRoles) expect(can(role, "records.read")).toBe(true);
    for (const kind of RESOURCE_KINDS) expect(can("viewer", refreshPermissionFor(kind))).toBe(false);
  });

  test("admins and operators refresh any record; compliance refreshes members but no money record", () => {
    for (const kind of RESOURCE_KINDS) {
      expect(can("admin", refreshPermissionFor(kind))).toBe(true);
      expect(can("operator", refreshPermissionFor(kind))).toBe(true);
      expect(can("compliance", refreshPermissionFor(kind))).toBe(kind === "user");
    }
  });

  test("records are not gated by the payment permissions", () => {
    expect(refreshPermissionFor("payment")).toBe("records.refresh");
    expect(refreshPermissionFor("user")).toBe("records.refresh-member");
  });

  test("every permission names only known roles, and only admins must use 2FA", () => {
    for (const roles of Object.values(permissionTable)) {
      for (const role of roles) expect(staffRoles).toContain(role);
    }
    expect(staffRoles.filter(requiresTwoFactor)).toEqual(["admin"]);
  });
});
