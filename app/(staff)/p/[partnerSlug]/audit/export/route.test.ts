import { beforeEach, expect, test, vi } from "vitest";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { getDb } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import { createPartner, createStaff } from "@/lib/testing/factories";

// The session is the only stand-in: the route's scope, permission check and query run for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { GET } = await import("./route");

let partnerSlug = "";

beforeEach(async () => {
  const partner = await createPartner();
  const { user, scope } = await createStaff(partner, "admin");
  session.user = { id: user.id, email: user.email, name: user.name, sessionId: "s", hasTwoFactor: true };
  partnerSlug = scope.partnerSlug;
  // Request headers an attacker controls end up in the audit row, and so in the export.
  await recordAudit(getDb(), mintJobScope(partner.id, "test"), {
    action: "team.invited",
    actor: { userId: user.id, email: user.email },
    requestId: "@SUM(1+1)*cmd|' /C calc'!A0",
    ip: '=HYPERLINK("http://evil.example","x")',
  });
});

test("header values that look like formulas come out of the audit export as text", async () => {
  const response = await GET(new Request(`http://localhost/p/${partnerSlug}/audit/export`), {
    params: Promise.resolve({ partnerSlug }),
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  const row = text
    .trim()
    .split("\n")
    .find((line) => line.includes("team.invited"))!;
  expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  expect(row).toContain(`'@SUM(1+1)`);
  expect(row).not.toMatch(/,"?[=@]/);
});
