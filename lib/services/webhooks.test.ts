import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectedPartner, startTestSandbox, type TestSandbox } from "@/lib/testing/wallex";
import { getDb } from "@/db";
import { webhookEvents } from "@/db/schema";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { auditedFor } from "@/lib/audit/audited";
import type { StaffScope } from "@/lib/auth/tenant-scope";
import { WEBHOOK_SECRET_HEADER, webhookUrlFor } from "@/lib/wallex/inbox/intake-address";
import { registerWebhook as register } from "./wallex-connection/webhook";

const db = getDb();
const registerWebhook = (scope: StaffScope) =>
  register(db, scope, auditedFor(db, scope, "settings.webhook_registered"));
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

const connectedAdmin = async () => (await connectedPartner(sandbox, { register: false })).scope;

const inbox = (partnerId: string) => db.select().from(webhookEvents).where(eq(webhookEvents.partnerId, partnerId));

describe("webhook registration", () => {
  test("registering points Wallex at us, and its notifications land in the inbox", async () => {
    const scope = await connectedAdmin();
    const { url } = await registerWebhook(scope);
    expect(url).toBe(webhookUrlFor(scope.partnerId));
    const client = await wallexClientFor(db, scope);
    const subscription = await client.webhooks.retrieve();
    expect(subscription.url).toBe(url);
    expect(Object.keys(subscription.headers ?? {})).toContain(WEBHOOK_SECRET_HEADER);

    const user = await client.users.signup({
      body: {
        email: `hook-${crypto.randomUUID().slice(0, 8)}@example.com`,
        firstName: "Ana",
        lastName: "Lim",
        countryCode: "SG",
        accountType: "individual",
      },
    });
    await sandbox.sandbox.control.decideUser(user.id, "pending_approval");
    await sandbox.sandbox.control.decideUser(user.id, "approved");
    await expect
      .poll(async () => (await inbox(scope.partnerId)).map((e) => [e.resource, e.resourceId, e.status, e.outcome]))
      .toContainEqual(["user", user.id, "approved", "received"]);
  });
});
