import { beforeAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { getDb } from "@/db";
import type { StaffScope } from "@/lib/auth/scope";
import { listApiCalls } from "@/lib/data/api-calls";
import { iterateAuditEvents, listAuditEvents } from "@/lib/data/audit";
import { getPartnerMail, listPartnerMail } from "@/lib/data/mailbox";
import { listMirrorRecords } from "@/lib/data/mirror";
import { listNotifications } from "@/lib/data/notifications";
import { listWebhookEvents } from "@/lib/data/webhook-events";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { QUERY_VALUES } from "@/lib/testing/probe-cases";
import { RESOURCE_KINDS } from "@/lib/records/mirror-tables";
import { apiLogFiltersSchema } from "./api-log";
import { auditFiltersSchema } from "./audit";
import { mailboxParamsSchema } from "./mailbox";
import { notificationFiltersSchema } from "./notifications";
import { recordFiltersSchema } from "./records";
import { webhookFiltersSchema } from "./webhook-events";

const db = getDb();
let scope: StaffScope;

beforeAll(async () => {
  scope = (await createStaff(await createPartner())).scope;
});

// Every page with filters: its schema, the parameters it reads, and the query the page then runs.
const pages: { name: string; schema: z.ZodType; query: (filters: never) => Promise<unknown> }[] = [
  { name: "audit", schema: auditFiltersSchema, query: (f) => listAuditEvents(db, scope, f) },
  {
    name: "audit export",
    schema: auditFiltersSchema,
    query: async (f) => {
      for await (const _ of iterateAuditEvents(db, scope, f));
    },
  },
  { name: "api-log", schema: apiLogFiltersSchema, query: (f) => listApiCalls(db, scope, f) },
  { name: "webhooks", schema: webhookFiltersSchema, query: (f) => listWebhookEvents(db, scope, f) },
  { name: "notifications", schema: notificationFiltersSchema, query: (f) => listNotifications(db, scope, f) },
  ...RESOURCE_KINDS.map((kind) => ({
    name: `records/${kind}`,
    schema: recordFiltersSchema,
    query: (f: never) => listMirrorRecords(db, scope, kind, f),
  })),
  {
    name: "mailbox",
    schema: mailboxParamsSchema,
    query: async (f: { id?: string; page: number }) => {
      await listPartnerMail(db, scope, { page: f.page, pageSize: 25 });
      if (f.id) await getPartnerMail(db, scope, f.id);
    },
  },
];

describe.each(pages)("the $name page's filters", ({ schema, query }) => {
  const params = Object.keys((schema as z.ZodObject).shape);
  test.each(params)("%s: every probe value is ignored or used, never an error", async (param) => {
    for (const value of QUERY_VALUES) {
      const filters = schema.parse({ [param]: value });
      await expect(query(filters as never), `${param}=${JSON.stringify(value).slice(0, 40)}`).resolves.not.toThrow();
    }
  });
});

test("malformed filters are ignored: no NUL, impossible dates, huge pages or non-UUIDs get through", () => {
  expect(auditFiltersSchema.parse({ actor: "a\u0000b", from: "2024-13-45", to: "2024-02-30", page: "1e309" })).toEqual({
    page: 1,
  });
  expect(auditFiltersSchema.parse({ from: "2024-02-29", to: ["2024-03-01", "x"], page: ["3", "4"] })).toEqual({
    from: "2024-02-29",
    to: "2024-03-01",
    page: 3,
  });
  expect(mailboxParamsSchema.parse({ id: "-".repeat(36), page: "-1" })).toEqual({ page: 1 });
  expect(recordFiltersSchema.parse({ q: "x".repeat(10_240), status: "\ud800" })).toEqual({ page: 1 });
  expect(webhookFiltersSchema.parse({ outcome: ["processed"], resourceId: "  pay_1 " })).toEqual({
    outcome: "processed",
    resourceId: "pay_1",
    page: 1,
  });
});
