import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { wallexApiCalls } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { StaffScope } from "@/lib/auth/tenant-scope";
import { listApiCalls } from "@/lib/data/api-calls";
import { listAuditEvents } from "@/lib/data/audit";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { apiLogFilterProblems, apiLogFiltersSchema } from "@/lib/validations/api-log";
import { auditFilterProblems, auditFiltersSchema } from "@/lib/validations/audit";

const db = getDb();
let scope: StaffScope;
const shown = "7f3a9c1e"; // what the tables show: the first 8 characters
const requestId = `${shown}-5b2d-4c1a-9e0f-0123456789ab`;
const lookalike = "7f3a_x1e-0000-4000-8000-000000000000"; // `_` must not match any character

beforeAll(async () => {
  scope = (await createStaff(await createPartner(), "admin")).scope;
  for (const id of [requestId, lookalike, "aaaa%bbb-0000-4000-8000-000000000000"]) {
    await db.insert(wallexApiCalls).values({
      partnerId: scope.partnerId,
      operation: "payments.list",
      method: "GET",
      pathTemplate: "/v2/x",
      path: "/v2/x",
      durationMs: 1,
      requestId: id,
      attempt: 1,
    });
    await recordAudit(db, scope, { action: "test.thing", actor: { userId: null, email: "system" }, requestId: id });
  }
});

const apiLog = async (value: string) =>
  (await listApiCalls(db, scope, apiLogFiltersSchema.parse({ requestId: value }))).rows.map((r) => r.requestId);
const audit = async (value: string) =>
  (await listAuditEvents(db, scope, auditFiltersSchema.parse({ requestId: value }))).rows.map((r) => r.requestId);

describe.each([
  ["API log", apiLog],
  ["audit log", audit],
])("the %s's request id filter", (_name, search) => {
  test("finds a row by the 8 characters shown, by the whole id, and ignoring case", async () => {
    expect(await search(shown)).toEqual([requestId]);
    expect(await search(requestId)).toEqual([requestId]);
    expect(await search(shown.toUpperCase())).toEqual([requestId]);
  });

  test("% and _ match only themselves", async () => {
    expect(await search("7f3a_")).toEqual([lookalike]);
    expect(await search("aaaa%")).toEqual(["aaaa%bbb-0000-4000-8000-000000000000"]);
    expect(await search("%%%%")).toEqual([]);
  });
});

test("fewer than 4 characters is a field message, not a query", () => {
  expect(apiLogFilterProblems(apiLogFiltersSchema.parse({ requestId: "7f3" }))).toEqual({
    requestId: "Type at least 4 characters of the request ID.",
  });
  expect(auditFilterProblems(auditFiltersSchema.parse({ requestId: "7f3" }))?.requestId).toBe(
    "Type at least 4 characters of the request ID.",
  );
  expect(apiLogFilterProblems(apiLogFiltersSchema.parse({ requestId: "7f3a" }))).toBeNull();
});

test("an audit range with From after To says so", () => {
  expect(auditFilterProblems(auditFiltersSchema.parse({ from: "2026-03-02", to: "2026-03-01" }))).toEqual({
    from: "From must be on or before To.",
  });
  expect(auditFilterProblems(auditFiltersSchema.parse({ from: "2026-03-01", to: "2026-03-01" }))).toBeNull();
  expect(auditFilterProblems(auditFiltersSchema.parse({ from: "2026-03-02" }))).toBeNull();
});
