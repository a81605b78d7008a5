import type { Page } from "@playwright/test";
import { signInAs } from "./fixtures/session";
import { createTenant, type Tenant } from "./fixtures/tenant";
import { expect, test } from "./fixtures/test";

// A partner whose webhook is registered (a "webhook" sandbox partner, e2e/serve.ts): a pending
// top-up and its settlement come back as status changes, made behind the page's back through the
// sandbox helpers. One story: the steps share the funding the first one creates.
test.describe.configure({ mode: "serial", retries: 0 });

let tenant: Tenant;
let home = "";
let helper: Record<string, string> = {};

test.beforeAll(async () => {
  tenant = await createTenant({ sandbox: "webhook" });
  home = tenant.home;
  helper = { "X-Partner-Slug": tenant.slug };
});

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ }).first();
// Polling is every 10–15 s; a webhook's round trip through the inbox adds a few seconds.
const LIVE_WAIT = { timeout: 45_000 };

/** Set before the change; still there after it only if the page never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as { liveMark?: number }).liveMark = 1));
const stillSamePage = (page: Page) => page.evaluate(() => (window as { liveMark?: number }).liveMark);

let operator: Page;
let fundingId = "";

test("the bell counts a status change from Wallex without a reload", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, tenant.operator);
  operator = await context.newPage();
  await operator.goto(home);
  await expect(bell(operator)).toHaveAccessibleName("Notifications");
  await markPage(operator);

  const topUp = await operator.request.post("/api/wallex-sandbox/_sandbox/balances/top-up", {
    headers: helper,
    data: { currency: "USD", amount: "250.00", reference: "E2E-LIVE", pending: true },
  });
  expect(topUp.ok()).toBe(true);
  fundingId = ((await topUp.json()) as { id: string }).id;

  await expect(bell(operator)).toHaveAccessibleName("Notifications, 1 new", LIVE_WAIT);
  expect(await stillSamePage(operator)).toBe(1);
});

test("a record page follows its status while Wallex settles it, then stops", async () => {
  await operator.goto(`${home}/records/funding/${fundingId}`);
  const status = operator.getByText("Status", { exact: true }).locator("..");
  await expect(status).toContainText("pending");
  await expect(operator.getByTestId("live-indicator")).toHaveText("Live");
  await expect(operator.getByRole("button", { name: "Refresh from Wallex" })).toBeVisible();
  await markPage(operator);

  const settle = await operator.request.post(`/api/wallex-sandbox/_sandbox/fundings/${fundingId}/settle`, {
    headers: helper,
    data: { status: "completed" },
  });
  expect(settle.ok()).toBe(true);

  await expect(status).toContainText("completed", LIVE_WAIT);
  await expect(operator.getByRole("list", { name: "Status history" }).getByRole("listitem")).toHaveCount(2);
  await expect(operator.getByTestId("live-indicator")).toHaveText("Final");
  await expect(bell(operator)).toHaveAccessibleName("Notifications, 2 new", LIVE_WAIT);
  expect(await stillSamePage(operator)).toBe(1);
});

test("a viewer reads the record but is offered no refresh", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, tenant.viewer);
  const viewer = await context.newPage();
  await viewer.goto(`${home}/records/funding/${fundingId}`);
  await expect(viewer.getByRole("heading", { name: `Funding ${fundingId}` })).toBeVisible();
  await expect(viewer.getByText("Status", { exact: true }).locator("..")).toContainText("completed");
  await expect(viewer.getByRole("button", { name: "Refresh from Wallex" })).toHaveCount(0);
});
