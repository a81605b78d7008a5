import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { getDb } from "@/db";
import { auditEvents, type StaffRole } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { getPartnerOrThrow, updatePartnerProfileRow } from "@/lib/data/partners";
import { AppError } from "@/lib/errors";
import { createPartner, createStaff } from "@/lib/testing/factories";

// Stand-ins only for what needs a live Next.js request; scope, permission, zod, the audit chain
// and the database run for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("@/lib/request-context", () => ({
  getRequestMeta: async () => ({ requestId: "req-define-action", ip: "127.0.0.1", userAgent: "vitest" }),
}));
const { defineStaffAction } = await import("./define-action");

const db = getDb();
type Staff = Awaited<ReturnType<typeof createStaff>>;
const signIn = (staff: Staff, hasTwoFactor = true) => {
  session.user = { ...staff.scope.user, hasTwoFactor };
};
const auditRows = (partnerId: string, action?: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partnerId), action ? eq(auditEvents.action, action) : undefined));
const nameOf = async (staff: Staff) => (await getPartnerOrThrow(db, staff.scope)).name;
const profile = (name: string) => ({ name, legalName: null, country: null, supportEmail: null, website: null });

const handled = vi.fn();
/** Renames the partner: a tenant write whose commit the tests can see. */
const renameAction = defineStaffAction(
  {
    name: "test.renamed",
    schema: z.object({ name: z.string().min(3, "Use at least 3 characters.") }),
    permission: "settings.manage",
  },
  async ({ name }, { db, scope, audit }) => {
    handled();
    await updatePartnerProfileRow(db, scope, profile(name));
    audit({ target: { type: "partner", id: scope.partnerId }, after: { name } });
    if (name === "then fail") throw new AppError("CONFLICT", { userMessage: "Refused after the write." });
    return { name };
  },
);

let partner: Awaited<ReturnType<typeof createPartner>>;
let admin: Staff;
let stranger: Staff;
beforeAll(async () => {
  partner = await createPartner("Way In Partner");
  admin = await createStaff(partner, "admin");
  stranger = await createStaff(await createPartner("Other Partner"), "admin");
});

describe("who may come in", () => {
  test("no session: refused before the handler, nothing written", async () => {
    session.user = null;
    const result = await renameAction(undefined, { partnerSlug: admin.scope.partnerSlug, name: "Nobody" });
    expect(result).toMatchObject({ ok: false, formError: "Your session has ended. Sign in again." });
    expect(handled).not.toHaveBeenCalled();
    expect(await auditRows(admin.scope.partnerId, "test.renamed")).toEqual([]);
  });

  test("another partner's slug is a 404, though the person is admin elsewhere", async () => {
    signIn(stranger);
    const result = await renameAction(undefined, { partnerSlug: admin.scope.partnerSlug, name: "Hijacked" });
    expect(result).toMatchObject({ ok: false, formError: "Not found." });
    expect(handled).not.toHaveBeenCalled();
    expect(await nameOf(admin)).toBe("Way In Partner");
    // The positive control: the same person in their own partner gets in.
    expect(
      await renameAction(undefined, { partnerSlug: stranger.scope.partnerSlug, name: "Other Renamed" }),
    ).toMatchObject({ ok: true });
    expect(await nameOf(stranger)).toBe("Other Renamed");
  });

  test("an admin without two-factor authentication is sent to set it up", async () => {
    signIn(admin, false);
    expect(await renameAction(undefined, { partnerSlug: admin.scope.partnerSlug, name: "No 2FA" })).toMatchObject({
      ok: false,
      formError: "Set up two-factor authentication before doing this.",
    });
    expect(await nameOf(admin)).not.toBe("No 2FA");
  });

  const allowed: Record<"settings.manage" | "payments.create", StaffRole[]> = {
    "settings.manage": ["admin"],
    "payments.create": ["admin", "operator"],
  };
  for (const [permission, roles] of Object.entries(allowed) as [keyof typeof allowed, StaffRole[]][]) {
    test(`${permission}: ${roles.join(", ")} may, the other roles may not`, async () => {
      const action = defineStaffAction({ name: "test.permitted", schema: z.object({}), permission }, async () => "in");
      for (const role of ["admin", "operator", "compliance", "viewer"] as StaffRole[]) {
        const staff = await createStaff(partner, role);
        signIn(staff);
        const result = await action(undefined, { partnerSlug: admin.scope.partnerSlug });
        if (roles.includes(role)) expect(result, role).toEqual({ ok: true, data: "in" });
        else expect(result, role).toMatchObject({ ok: false, formError: "You do not have permission to do that." });
      }
    });
  }
});

describe("what comes in, and what is recorded", () => {
  test("invalid input comes back as field errors with what was typed, and runs nothing", async () => {
    signIn(admin);
    handled.mockClear();
    const result = await renameAction(undefined, { partnerSlug: admin.scope.partnerSlug, name: "ab" });
    expect(result).toEqual({
      ok: false,
      fieldErrors: { name: ["Use at least 3 characters."] },
      values: { partnerSlug: admin.scope.partnerSlug, name: "ab" },
    });
    expect(handled).not.toHaveBeenCalled();
  });

  test("the change and its audit row commit together, signed by the person and the request", async () => {
    signIn(admin);
    expect(await renameAction(undefined, { partnerSlug: admin.scope.partnerSlug, name: "Renamed Once" })).toEqual({
      ok: true,
      data: { name: "Renamed Once" },
    });
    expect(await nameOf(admin)).toBe("Renamed Once");
    const [row] = await auditRows(admin.scope.partnerId, "test.renamed");
    expect(row).toMatchObject({
      actorUserId: admin.user.id,
      actorEmail: admin.user.email,
      targetType: "partner",
      targetId: admin.scope.partnerId,
      after: { name: "Renamed Once" },
      requestId: "req-define-action",
      ip: "127.0.0.1",
    });
  });

  test("a handler that fails after writing leaves neither the change nor its row", async () => {
    signIn(admin);
    const before = (await auditRows(admin.scope.partnerId)).length;
    expect(await renameAction(undefined, { partnerSlug: admin.scope.partnerSlug, name: "then fail" })).toMatchObject({
      ok: false,
      formError: "Refused after the write.",
    });
    expect(await nameOf(admin)).toBe("Renamed Once");
    expect(await auditRows(admin.scope.partnerId)).toHaveLength(before);
  });
});

describe("transaction: false (an action that calls Wallex)", () => {
  const wallex = vi.fn(async () => "answered");
  /** Calls "Wallex" outside any transaction, then hands its own write to `audited`. */
  const outsideAction = defineStaffAction(
    {
      name: "test.outside",
      schema: z.object({ name: z.string(), mode: z.enum(["ok", "write fails", "row fails", "fails after"]) }),
      permission: "settings.manage",
      transaction: false,
    },
    async ({ name, mode }, { db, scope, audited }) => {
      expect(db).toBe(getDb()); // the plain database, not a transaction
      const answer = await wallex();
      await audited(
        async (tx) => {
          await updatePartnerProfileRow(tx, scope, profile(name));
          if (mode === "write fails") throw new Error("the write failed");
        },
        // A BigInt cannot go into the audit row's JSON: the row fails to write.
        {
          target: { type: "partner", id: scope.partnerId },
          after: mode === "row fails" ? { n: 1n } : { name, answer },
        },
      );
      if (mode === "fails after") throw new AppError("CONFLICT", { userMessage: "Failed after the commit." });
      return answer;
    },
  );
  const run = (name: string, mode: string) =>
    outsideAction(undefined, { partnerSlug: admin.scope.partnerSlug, name, mode });
  const outsideRows = () => auditRows(admin.scope.partnerId, "test.outside");

  test("the audited write commits with its row, and no other row is added", async () => {
    signIn(admin);
    expect(await run("Outside Once", "ok")).toEqual({ ok: true, data: "answered" });
    expect(await nameOf(admin)).toBe("Outside Once");
    const rows = await outsideRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: admin.user.id, after: { name: "Outside Once", answer: "answered" } });
  });

  test("the row is there if and only if the change committed", async () => {
    signIn(admin);
    const count = async () => (await outsideRows()).length;
    const before = await count();

    expect(await run("Write Fails", "write fails")).toMatchObject({ ok: false });
    expect(await nameOf(admin)).toBe("Outside Once");
    expect(await count()).toBe(before);

    expect(await run("Row Fails", "row fails")).toMatchObject({ ok: false });
    expect(await nameOf(admin)).toBe("Outside Once"); // the change rolled back with its row
    expect(await count()).toBe(before);

    // Committed before the handler failed: the change stands, and so does its row.
    expect(await run("Committed Then Failed", "fails after")).toMatchObject({
      ok: false,
      formError: "Failed after the commit.",
    });
    expect(await nameOf(admin)).toBe("Committed Then Failed");
    expect(await count()).toBe(before + 1);
  });

  test("a Wallex-only action gets its notes, or one row under its name, once it returns", async () => {
    signIn(admin);
    const noted = defineStaffAction(
      { name: "test.wallex_only", schema: z.object({}), permission: "settings.manage", transaction: false },
      async (_input, { audit }) => {
        audit({ after: { latencyMs: 3 } });
      },
    );
    const silent = defineStaffAction(
      { name: "test.wallex_silent", schema: z.object({}), permission: "settings.manage", transaction: false },
      async () => {},
    );
    await noted(undefined, { partnerSlug: admin.scope.partnerSlug });
    await silent(undefined, { partnerSlug: admin.scope.partnerSlug });
    expect((await auditRows(admin.scope.partnerId, "test.wallex_only")).map((r) => r.after)).toEqual([
      { latencyMs: 3 },
    ]);
    expect(await auditRows(admin.scope.partnerId, "test.wallex_silent")).toHaveLength(1);
  });
});
