import { beforeAll, describe, expect, test, vi } from "vitest";
import { getDb } from "@/db";
import { wallexPayments, wallexTimeline, type StaffRole } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/data/notifications";
import type { NotificationsMenuData, RecordView } from "@/lib/live/live-routes";
import { createPartner, createStaff } from "@/lib/testing/factories";

// Only the session cookie is stood in for; scope, permission and the database run for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { GET: menuRoute } = await import("./[partnerSlug]/notifications/menu/route");
const { GET: recordRoute } = await import("./[partnerSlug]/records/[kind]/[wallexId]/route");

const db = getDb();
type Partner = Awaited<ReturnType<typeof createPartner>>;
let ours: Partner;
let theirs: Partner;
const wallexId = `pay-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  [ours, theirs] = [await createPartner("Live Ours"), await createPartner("Live Theirs")];
  await db.insert(wallexPayments).values({
    partnerId: ours.id,
    wallexId,
    accountId: "acct-1",
    status: "processing",
    currency: "SGD",
    amount: "80.00",
    data: { id: wallexId, status: "processing", amount: 80, currency: "SGD" },
    readAt: new Date("2026-12-01T10:00:00Z"),
  });
  await db.insert(wallexTimeline).values([
    {
      partnerId: ours.id,
      kind: "payment",
      wallexId,
      status: "awaiting_funds",
      source: "write",
      at: new Date("2026-12-01T09:00:00Z"),
    },
    {
      partnerId: ours.id,
      kind: "payment",
      wallexId,
      status: "processing",
      previousStatus: "awaiting_funds",
      source: "webhook",
      at: new Date("2026-12-01T10:00:00Z"),
    },
  ]);
});

async function signInAs(partner: Partner, role: StaffRole) {
  const staff = await createStaff(partner, role);
  const { user } = staff;
  session.user = { id: user.id, email: user.email, name: user.name, sessionId: "live-test", hasTwoFactor: true };
  return staff;
}

const call = <P extends Record<string, string>>(
  route: (request: Request, ctx: { params: Promise<P> }) => Promise<Response>,
  params: P,
) => route(new Request("http://localhost/api/p"), { params: Promise.resolve(params) });

const menu = (partnerSlug: string) => call(menuRoute, { partnerSlug });
const record = (partnerSlug: string, kind = "payment", id = wallexId) =>
  call(recordRoute, { partnerSlug, kind, wallexId: id });

describe("the bell's route", () => {
  test("without a session: 401, and nothing of the partner's", async () => {
    session.user = null;
    const response = await menu(ours.slug);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(wallexId.slice(0, 8));
  });

  test("staff of another partner get a 404 for ours, and their own (empty) bell", async () => {
    await signInAs(theirs, "admin");
    expect((await menu(ours.slug)).status).toBe(404);
    const own = await menu(theirs.slug);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ items: [], unread: 0 });
  });

  test("our viewer gets the status change Wallex reported (not our own write), unread until read", async () => {
    const viewer = await signInAs(ours, "viewer");
    const response = await menu(ours.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as NotificationsMenuData;
    expect(body).toEqual({
      unread: 1,
      items: [
        {
          id: expect.any(String),
          title: `Payment ${wallexId.slice(0, 8)}… processing`,
          detail: expect.stringMatching(/^Was awaiting funds · /),
          href: `/p/${ours.slug}/records/payment/${wallexId}`,
          at: "2026-12-01T10:00:00.000Z",
          unread: true,
        },
      ],
    });

    await markNotificationsRead(db, viewer.scope, new Date(body.items[0].at));
    expect(await (await menu(ours.slug)).json()).toMatchObject({ unread: 0, items: [{ unread: false }] });
  });
});

describe("a record's live route", () => {
  test("without a session: 401", async () => {
    session.user = null;
    expect((await record(ours.slug)).status).toBe(401);
  });

  test("another partner's staff get a 404, whether they name our slug or theirs", async () => {
    await signInAs(theirs, "admin");
    expect((await record(ours.slug)).status).toBe(404);
    expect((await record(theirs.slug)).status).toBe(404);
  });

  test("an unknown kind or id is a 404", async () => {
    await signInAs(ours, "viewer");
    expect((await record(ours.slug, "nonsense")).status).toBe(404);
    expect((await record(ours.slug, "payment", "pay-unknown")).status).toBe(404);
  });

  test("our staff get what the page shows: facts, raw object, timeline, and nothing else", async () => {
    await signInAs(ours, "compliance");
    const response = await record(ours.slug);
    expect(response.status).toBe(200);
    const body = (await response.json()) as RecordView;
    expect(Object.keys(body).sort()).toEqual(
      ["facts", "final", "notifications", "raw", "status", "timeline", "version", "wallexId"].sort(),
    );
    expect(body).toMatchObject({
      wallexId,
      status: "processing",
      final: false,
      notifications: 0,
      version: "2026-12-01T10:00:00.000Z",
    });
    expect(body.facts).toContainEqual({ term: "Status", value: "processing", status: true });
    expect(JSON.parse(body.raw)).toEqual({ id: wallexId, status: "processing", amount: 80, currency: "SGD" });
    expect(body.timeline.map((e) => [e.status, e.source])).toEqual([
      ["processing", "webhook"],
      ["awaiting_funds", "write"],
    ]);
  });
});
