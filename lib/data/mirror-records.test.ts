import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { wallexPayments } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/tenant-scope";
import { recordColumns } from "@/lib/records/columns";
import { createPartner, createStaff } from "@/lib/testing/factories";
import {
  approvedMember,
  connectedPartner,
  createdPayment,
  SG_BENEFICIARY,
  startTestSandbox,
  type TestSandbox,
} from "@/lib/testing/wallex";
import { RESOURCES } from "@/lib/records/mirror-tables";
import { applyToMirror } from "@/lib/wallex/mirror/store";
import { getMirrorRecord, getMirrorRow, listMirrorRecords, RECORDS_PAGE_SIZE } from "./mirror";

const db = getDb();
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

const staffOf = async () => (await createStaff(await createPartner(), "viewer")).scope;
const payment = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  accountId: "acc-1",
  status: "awaiting_funds",
  sellCurrency: "SGD",
  sellAmount: "10.00",
  createdAt: "2025-12-01T08:00:00Z",
  ...extra,
});
const store = (scope: StaffScope, object: ReturnType<typeof payment>, readAt = new Date()) =>
  applyToMirror(db, scope, RESOURCES.payment, object, { readAt, source: "write" });
const found = async (scope: StaffScope, q: string) =>
  (await listMirrorRecords(db, scope, "payment", { page: 1, q })).rows.map((r) => r.wallexId);

describe("the records list and record lookup", () => {
  test("a payment made through Wallex is found by the reference the person typed, and shows it apart from ours", async () => {
    const { scope, client } = await connectedPartner(sandbox);
    const member = await approvedMember(sandbox, client);
    const { wallexId } = await createdPayment(client, scope, member.accountId, {
      paymentReference: "Rent Nov 50%_off",
    });

    expect(await found(scope, "rent nov")).toEqual([wallexId]);
    // LIKE's wildcards are the person's text, not patterns: "%_" matches only itself.
    expect(await found(scope, "50%_off")).toEqual([wallexId]);
    expect(await found(scope, "Rent_Nov")).toEqual([]);
    const { rows } = await listMirrorRecords(db, scope, "payment", { page: 1, q: "Rent Nov" });
    const shown = Object.fromEntries(
      recordColumns("payment").map((c) => [c.header, c.value(rows[0])?.replace(/\u00a0/g, " ")]),
    );
    expect(shown).toMatchObject({
      "Payment reference": "Rent Nov 50%_off",
      Beneficiary: SG_BENEFICIARY.bankAccount.bankAccountHolderName,
      Status: "awaiting_funds",
    });
    expect(shown["Our reference"]).toBe(rows[0].reference);
    expect(shown["Our reference"]).not.toBe("Rent Nov 50%_off");
    // Our own reference still finds it, and another partner's search does not.
    expect(await found(scope, rows[0].reference!)).toEqual([wallexId]);
    expect(await found(await staffOf(), "rent nov")).toEqual([]);
  });

  test("rows with equal times keep one order, by id, so pages neither repeat nor skip", async () => {
    const scope = await staffOf();
    const readAt = new Date();
    const count = RECORDS_PAGE_SIZE + 10;
    for (let i = 0; i < count; i++) await store(scope, payment(`same-${i}`), readAt);
    const first = await listMirrorRecords(db, scope, "payment", { page: 1 });
    const second = await listMirrorRecords(db, scope, "payment", { page: 2 });
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(ids).toHaveLength(count);
    expect(ids).toEqual(ids.toSorted().reverse());
    expect((await listMirrorRecords(db, scope, "payment", { page: 1 })).rows.map((r) => r.id)).toEqual(
      first.rows.map((r) => r.id),
    );
  });

  test("a record is looked up by its Wallex id within the partner only", async () => {
    const scope = await staffOf();
    const other = await staffOf();
    const { rowId } = await store(scope, payment("pay-mine"));
    await store(other, payment("pay-theirs"));

    const record = await getMirrorRecord(db, scope, "payment", "pay-mine");
    expect(record).toMatchObject({ id: rowId, wallexId: "pay-mine", data: { id: "pay-mine" } });
    expect(await getMirrorRecord(db, scope, "payment", "pay-theirs")).toBeNull();
    expect(await getMirrorRecord(db, other, "payment", "pay-mine")).toBeNull();
    // Our row id is no Wallex id; it is the refresh action's handle, scoped the same way.
    expect(await getMirrorRecord(db, scope, "payment", rowId!)).toBeNull();
    expect((await getMirrorRow(db, scope, "payment", rowId!))?.wallexId).toBe("pay-mine");
    expect(await getMirrorRow(db, other, "payment", rowId!)).toBeNull();
    // What a URL can hold but PostgreSQL cannot store is simply not found.
    for (const odd of ["pay\u0000mine", "", "x".repeat(201), "\ud800"])
      expect(await getMirrorRecord(db, scope, "payment", odd)).toBeNull();
    expect(await getMirrorRow(db, scope, "payment", "not-a-uuid")).toBeNull();
    expect(await db.$count(wallexPayments)).toBeGreaterThan(0);
  });
});
