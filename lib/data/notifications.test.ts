import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { notificationReads, staffMemberships, wallexPayments, wallexTimeline } from "@/db/schema";
import { findStaffScope, type StaffScope } from "@/lib/auth/scope";
import { createPartner, createStaff } from "@/lib/testing/factories";
import type { ResourceKind } from "@/lib/records/mirror-tables";
import {
  getNotificationsMenu,
  listNotifications,
  markNotificationsRead,
  MENU_SIZE,
  NOTIFICATIONS_PAGE_SIZE,
  UNREAD_CAP,
} from "./notifications";

const db = getDb();
const base = Date.now() - 3_600_000;

/** `count` status changes Wallex reported, one second apart, the newest last; returns their times. */
async function reported(
  scope: StaffScope,
  count: number,
  opts: { kind?: ResourceKind; from?: number; source?: "webhook" | "reconcile" | "write" } = {},
) {
  const from = opts.from ?? 0;
  const rows = Array.from({ length: count }, (_, i) => ({
    partnerId: scope.partnerId,
    kind: opts.kind ?? "payment",
    wallexId: `${opts.kind ?? "payment"}-${crypto.randomUUID()}`,
    status: "completed",
    previousStatus: "processing",
    source: opts.source ?? ("webhook" as const),
    at: new Date(base + (from + i) * 1000),
  }));
  await db.insert(wallexTimeline).values(rows);
  return rows;
}

/** The same person in a second partner: a second scope for the same user. */
async function alsoStaffOf(scope: StaffScope) {
  const other = await createPartner("Other Partner");
  await db.insert(staffMemberships).values({ partnerId: other.id, userId: scope.user.id, role: "operator" });
  const found = await findStaffScope(scope.user, other.slug);
  if (!("scope" in found)) throw new Error(found.problem);
  return found.scope;
}

describe("the read marker", () => {
  let alice: StaffScope;
  let bob: StaffScope;
  let newest: Date;

  beforeAll(async () => {
    const partner = await createPartner("Marker Partner");
    alice = (await createStaff(partner, "operator")).scope;
    bob = (await createStaff(partner, "viewer")).scope;
    const rows = await reported(alice, 25);
    newest = rows.at(-1)!.at;
  });

  test("is kept per person in the database: each of their browsers gets the same count, another person's is untouched", async () => {
    expect((await getNotificationsMenu(db, alice)).unread).toBe(25);
    expect((await getNotificationsMenu(db, bob)).unread).toBe(25);

    await markNotificationsRead(db, alice, newest);

    // A new browser has nothing of its own: it asks the database, as this call does.
    const aliceElsewhere = await getNotificationsMenu(db, alice);
    expect(aliceElsewhere.unread).toBe(0);
    expect(aliceElsewhere.items.every((item) => !item.unread)).toBe(true);
    expect((await getNotificationsMenu(db, bob)).unread).toBe(25);
    expect(await db.select().from(notificationReads).where(eq(notificationReads.userId, alice.user.id))).toEqual([
      { partnerId: alice.partnerId, userId: alice.user.id, readUpTo: newest },
    ]);

    await reported(alice, 2, { from: 100 });
    const menu = await getNotificationsMenu(db, alice);
    expect(menu.unread).toBe(2);
    expect(menu.items.map((item) => item.unread).slice(0, 3)).toEqual([true, true, false]);
  });

  test("never moves back, nor past now when the browser sends a time from the future", async () => {
    const partner = await createPartner("Clock Partner");
    const carol = (await createStaff(partner)).scope;
    const rows = await reported(carol, 3);
    await markNotificationsRead(db, carol, rows[2].at);
    await markNotificationsRead(db, carol, rows[0].at);
    expect((await getNotificationsMenu(db, carol)).unread).toBe(0);

    await markNotificationsRead(db, carol, new Date("2999-01-01T00:00:00Z"));
    await db.insert(wallexTimeline).values({
      partnerId: carol.partnerId,
      kind: "payment",
      wallexId: "later",
      status: "completed",
      source: "webhook",
      at: new Date(Date.now() + 60_000),
    });
    expect((await getNotificationsMenu(db, carol)).unread).toBe(1);
  });

  test("goes with the person's membership, and counts stop at the cap", async () => {
    const partner = await createPartner("Leaving Partner");
    const erin = await createStaff(partner, "viewer");
    await reported(erin.scope, UNREAD_CAP + 5);
    expect((await getNotificationsMenu(db, erin.scope)).unread).toBe(UNREAD_CAP + 1);
    await markNotificationsRead(db, erin.scope, new Date());
    await db.delete(staffMemberships).where(eq(staffMemberships.id, erin.membership.id));
    expect(await db.select().from(notificationReads).where(eq(notificationReads.userId, erin.user.id))).toEqual([]);
  });

  test("belongs to one partner: the same person's marker and items never cross to another partner", async () => {
    const partner = await createPartner("Home Partner");
    const dave = (await createStaff(partner, "operator")).scope;
    const daveAtOther = await alsoStaffOf(dave);
    const home = await reported(dave, 4);
    const away = await reported(daveAtOther, 3);

    await markNotificationsRead(db, dave, home.at(-1)!.at);
    expect((await getNotificationsMenu(db, dave)).unread).toBe(0);
    const otherMenu = await getNotificationsMenu(db, daveAtOther);
    expect(otherMenu.unread).toBe(3);
    expect(otherMenu.items.map((item) => item.wallexId).sort()).toEqual(away.map((row) => row.wallexId).sort());
    const all = await listNotifications(db, dave, { ledger: "1", page: 1 });
    expect(all.rows.map((row) => row.wallexId).sort()).toEqual(home.map((row) => row.wallexId).sort());
  });
});

describe("what the menu lists", () => {
  let scope: StaffScope;
  let payments: Awaited<ReturnType<typeof reported>>;
  let ledger: Awaited<ReturnType<typeof reported>>;

  beforeAll(async () => {
    const partner = await createPartner("Menu Partner");
    scope = (await createStaff(partner, "viewer")).scope;
    payments = await reported(scope, 12);
    // Ledger rows and our own writes, all newer than every payment change.
    ledger = [
      ...(await reported(scope, 5, { kind: "balanceHistory", from: 50 })),
      ...(await reported(scope, 5, { kind: "balance", from: 60 })),
    ];
    await reported(scope, 3, { from: 70, source: "write" });
  });

  test("the newest few status changes, without ledger rows or our own writes, and counts only those", async () => {
    const menu = await getNotificationsMenu(db, scope);
    expect(menu.items).toHaveLength(MENU_SIZE);
    expect(menu.items.map((item) => item.wallexId)).toEqual(
      payments
        .slice(-MENU_SIZE)
        .reverse()
        .map((row) => row.wallexId),
    );
    expect(menu.unread).toBe(12);
  });

  test("See all pages through everything, newest first; ledger rows only behind the filter", async () => {
    const changes = await listNotifications(db, scope, { page: 1 });
    expect(changes.total).toBe(12);
    expect(changes.rows.map((row) => row.wallexId)).toEqual(payments.map((row) => row.wallexId).reverse());

    const withLedger = await listNotifications(db, scope, { ledger: "1", page: 1 });
    expect(withLedger.total).toBe(22);
    expect(withLedger.rows[0].wallexId).toBe(ledger.at(-1)!.wallexId);
    const historyOnly = await listNotifications(db, scope, { kind: "balance-history", page: 1 });
    expect(historyOnly.rows.map((row) => row.kind)).toEqual(Array(5).fill("balanceHistory"));
  });

  test("the second page continues where the first stopped", async () => {
    const partner = await createPartner("Busy Partner");
    const busy = (await createStaff(partner)).scope;
    const rows = await reported(busy, NOTIFICATIONS_PAGE_SIZE + 7);
    const second = await listNotifications(db, busy, { page: 2 });
    expect(second.total).toBe(NOTIFICATIONS_PAGE_SIZE + 7);
    expect(second.rows.map((row) => row.wallexId)).toEqual(
      rows
        .slice(0, 7)
        .reverse()
        .map((row) => row.wallexId),
    );
  });

  test("each item names our record of the object when we hold one, so it can link to it", async () => {
    const [record] = await db
      .insert(wallexPayments)
      .values({
        partnerId: scope.partnerId,
        wallexId: payments.at(-1)!.wallexId,
        status: "completed",
        data: {},
        readAt: new Date(),
      })
      .returning();
    const [first, second] = (await getNotificationsMenu(db, scope)).items;
    expect(first.recordId).toBe(record.id);
    expect(second.recordId).toBeNull();
  });
});
