import { eq } from "drizzle-orm";
import { beforeAll, expect, test, vi } from "vitest";
import { getDb } from "@/db";
import { auditEvents, notificationReads, wallexTimeline } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { getNotificationsMenu } from "@/lib/data/notifications";
import { createPartner, createStaff } from "@/lib/testing/factories";

// Stand-ins only for what needs a live Next.js request; scope, permission, zod and the database run for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/request-context", () => ({
  getRequestMeta: async () => ({ requestId: "test", ip: "127.0.0.1", userAgent: "vitest" }),
}));

const { markNotificationsReadAction } = await import("./mark-notifications-read");
const db = getDb();

let viewer: Awaited<ReturnType<typeof createStaff>>;
let upTo = "";

beforeAll(async () => {
  const partner = await createPartner("Bell Partner");
  viewer = await createStaff(partner, "viewer");
  const at = new Date(Date.now() - 60_000);
  await db
    .insert(wallexTimeline)
    .values({ partnerId: partner.id, kind: "payment", wallexId: "p-1", status: "completed", source: "webhook", at });
  upTo = at.toISOString();
  session.user = {
    id: viewer.user.id,
    email: viewer.user.email,
    name: viewer.user.name,
    sessionId: viewer.scope.user.sessionId,
    hasTwoFactor: false,
  };
});

const audited = async (partnerId: string) =>
  (await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partnerId))).length;

test("any staff member, a viewer too, clears their own bell, and the audit log stays for the partner's data", async () => {
  expect((await getNotificationsMenu(db, viewer.scope)).unread).toBe(1);
  const result = await markNotificationsReadAction(undefined, { partnerSlug: viewer.scope.partnerSlug, upTo });
  expect(result).toEqual({ ok: true, data: undefined });
  expect((await getNotificationsMenu(db, viewer.scope)).unread).toBe(0);
  expect(await audited(viewer.scope.partnerId)).toBe(0);
});

test("a malformed time is a field message; another partner's slug is refused; neither writes a marker", async () => {
  const partner = await createPartner("Stranger Partner");
  const before = await db.select().from(notificationReads);
  expect(
    await markNotificationsReadAction(undefined, { partnerSlug: viewer.scope.partnerSlug, upTo: "yesterday" }),
  ).toMatchObject({
    ok: false,
    fieldErrors: { upTo: ["Choose what to mark as read."] },
  });
  expect(await markNotificationsReadAction(undefined, { partnerSlug: partner.slug, upTo })).toMatchObject({
    ok: false,
    formError: "Not found.",
  });
  expect(await db.select().from(notificationReads)).toEqual(before);
});
