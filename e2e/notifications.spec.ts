import type { Browser, Page } from "@playwright/test";
import { signInAs } from "./fixtures/session";
import { createTenant, type Tenant } from "./fixtures/tenant";
import { expect, test } from "./fixtures/test";

// A partner whose webhook is registered (a "webhook" sandbox partner, e2e/serve.ts): sandbox
// top-ups come back as status changes. One story: the steps share the notifications the first one
// creates, so it is the file's own partner.
test.describe.configure({ mode: "serial", retries: 0 });

let tenant: Tenant;
let home = "";
const TOP_UPS = 10;

test.beforeAll(async () => {
  tenant = await createTenant({ sandbox: "webhook" });
  home = tenant.home;
});

/** A new browser: its own cookies and its own storage, signed in as the same person. */
async function newBrowser(browser: Browser) {
  const context = await browser.newContext();
  await signInAs(context, tenant.operator);
  const page = await context.newPage();
  await page.goto(home);
  return page;
}

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ }).first();

let laptop: Page;
let tablet: Page;
const fundings: string[] = [];

test("status changes from Wallex are listed on the notifications page, more than the menu's 8", async ({ browser }) => {
  laptop = await newBrowser(browser);
  tablet = await newBrowser(browser);
  for (let i = 0; i < TOP_UPS; i++) {
    const topUp = await laptop.request.post("/api/wallex-sandbox/_sandbox/balances/top-up", {
      headers: { "X-Partner-Slug": tenant.slug },
      data: { currency: "USD", amount: `${100 + i}.00`, reference: `E2E-BELL-${i}` },
    });
    expect(topUp.ok()).toBe(true);
    fundings.push(((await topUp.json()) as { id: string }).id);
  }

  // Each funding's completion arrives by webhook and is processed by the inbox drainer.
  await laptop.goto(`${home}/notifications?kind=funding`);
  await expect(async () => {
    await laptop.reload();
    await expect(laptop.getByTestId("notification-row")).toHaveCount(TOP_UPS, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  await laptop.goto(`${home}/notifications`);
  await expect(laptop.getByTestId("notification-row")).toHaveCount(TOP_UPS);
});

test("reading them in one browser clears the bell in the person's other browser", async () => {
  // Both browsers start from the person's marker in the database: nothing read yet.
  await tablet.reload();
  await expect(bell(tablet)).toHaveAccessibleName(`Notifications, ${TOP_UPS} new`);
  await laptop.goto(home);
  await expect(bell(laptop)).toHaveAccessibleName(`Notifications, ${TOP_UPS} new`);

  // Opening the menu reads them: the newest 8, and a way to the rest.
  await bell(laptop).click();
  await expect(laptop.getByRole("menuitem", { name: /^Funding / })).toHaveCount(8);
  await expect(laptop.getByRole("menuitem", { name: "See all notifications" })).toBeVisible();
  await laptop.keyboard.press("Escape");
  await expect(bell(laptop)).toHaveAccessibleName("Notifications");

  await tablet.reload();
  await expect(bell(tablet)).toHaveAccessibleName("Notifications");
  await bell(tablet).click();
  await tablet.getByRole("menuitem", { name: "See all notifications" }).click();
  await expect(tablet).toHaveURL(new RegExp(`${home}/notifications$`));
  await expect(tablet.getByTestId("notification-row")).toHaveCount(TOP_UPS);
});

/** The Wallex id of the funding a menu item names ("Funding 1a2b3c4d… completed"). */
async function fundingOf(item: ReturnType<Page["getByRole"]>) {
  const prefix = /^Funding (\S{8})…/.exec((await item.textContent()) ?? "")?.[1];
  const id = fundings.find((f) => f.startsWith(prefix ?? "-"));
  expect(id, "a funding this test created").toBeDefined();
  return id!;
}

test("an item opens its record, by pointer or keyboard", async () => {
  await tablet.goto(home);
  await bell(tablet).click();
  const first = tablet.getByRole("menuitem", { name: /^Funding / }).first();
  const firstId = await fundingOf(first);
  await first.click();
  await expect(tablet).toHaveURL(new RegExp(`${home}/records/funding/[0-9a-f-]{36}$`));
  await expect(tablet.getByRole("heading", { name: `Funding ${firstId}` })).toBeVisible();

  await tablet.goto(home);
  await bell(tablet).focus();
  await tablet.keyboard.press("Enter");
  await expect(tablet.getByRole("menuitem", { name: /^Funding / }).first()).toBeFocused();
  await tablet.keyboard.press("ArrowDown");
  const second = tablet.getByRole("menuitem", { name: /^Funding / }).nth(1);
  await expect(second).toBeFocused();
  const secondId = await fundingOf(second);
  await tablet.keyboard.press("Enter");
  await expect(tablet.getByRole("heading", { name: `Funding ${secondId}` })).toBeVisible();
});
