import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectAccessible } from "./fixtures/axe";
import { signInAs } from "./fixtures/session";
import { createInvitation, createTenant, type Tenant } from "./fixtures/tenant";
import { expect, test } from "./fixtures/test";

// Every page of the app through axe, menus and the mobile drawer open too, and at three widths
// none of them wider than the window. The file's own partner has rows everywhere, with long values
// (e2e/fixtures/seed-long-activity.ts); its admin sees every staff page. The tests only read it.
// Not serial: each test reports its own pages, and a failure does not hide the rest.

type State = Awaited<ReturnType<BrowserContext["storageState"]>>;
let tenant: Tenant;
let adminState: State;
let operatorState: State;
let invitationLink = "";

const WIDTHS = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1280, height: 800 },
  wide: { width: 1920, height: 1080 },
} as const;

const staffPages = ({ home, rows }: Tenant) => [
  home,
  `${home}/records/payment`,
  `${home}/records/funding`,
  `${home}/records/user`,
  `${home}/records/payment/${rows.longValuesPayment}`,
  `${home}/webhooks`,
  `${home}/notifications`,
  `${home}/audit`,
  `${home}/api-log`,
  `${home}/team`,
  `${home}/members/new`,
  `${home}/settings`,
  `${home}/mailbox`,
  "/account/security",
];
const operatorPages = ({ home }: Tenant) => [home, `${home}/records/payment`, `${home}/webhooks`];

async function open(browser: Browser, state: State | undefined, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ storageState: state, viewport });
  return context.newPage();
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Open the raw bodies: their width is what used to push the Replay column out of view.
  for (const summary of await page.locator("summary", { hasText: "Raw body" }).all()) await summary.click();
}

async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect
    .soft(scrollWidth, `${label} at ${innerWidth}px: the page is wider than the window`)
    .toBeLessThanOrEqual(innerWidth);
}

async function expectInsideWindow(page: Page, locator: ReturnType<Page["locator"]>, label: string) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, label).not.toBeNull();
  expect.soft(box!.x, `${label}: left edge`).toBeGreaterThanOrEqual(0);
  expect.soft(box!.x + box!.width, `${label}: right edge in a ${width}px window`).toBeLessThanOrEqual(width);
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.beforeAll(async ({ browser }) => {
  tenant = await createTenant({ records: ["long values"] });
  // An invitation, for the page its link opens.
  invitationLink = await createInvitation(tenant, `a11y.${Date.now()}@example.test`);
  const signedIn = async (person: Tenant["admin"]) => {
    const context = await browser.newContext();
    await signInAs(context, person);
    const state = await context.storageState();
    await context.close();
    return state;
  };
  adminState = await signedIn(tenant.admin);
  operatorState = await signedIn(tenant.operator);
});

for (const [name, viewport] of Object.entries(WIDTHS)) {
  test(`every staff page passes axe and fits a ${viewport.width}px window`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await open(browser, adminState, viewport);
    for (const path of staffPages(tenant)) {
      await visit(page, path);
      await expectAccessible(page, `${path} (${name})`);
      await expectNoSidewaysScroll(page, path);
    }
    const operator = await open(browser, operatorState, viewport);
    for (const path of operatorPages(tenant)) {
      await visit(operator, path);
      await expectAccessible(operator, `${path} as operator (${name})`);
      await expectNoSidewaysScroll(operator, path);
    }
  });
}

test("the pages before signing in pass axe and fit", async ({ browser }) => {
  for (const viewport of Object.values(WIDTHS)) {
    const page = await open(browser, undefined, viewport);
    for (const path of ["/sign-in", invitationLink, "/invite/not-a-real-token"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, `${path} at ${viewport.width}px`);
      await expectNoSidewaysScroll(page, path);
    }
    // The second step of signing in.
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(tenant.admin.email);
    await page.getByLabel("Password").fill(tenant.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Authentication code")).toBeVisible();
    await expectAccessible(page, `sign-in code step at ${viewport.width}px`);
    await page.context().close();
  }
});

test("menus pass axe while open: tenant switcher, user menu, notifications", async ({ browser }) => {
  const page = await open(browser, adminState, WIDTHS.laptop);
  await visit(page, `${tenant.home}/webhooks`);
  const sidebar = page.getByRole("complementary", { name: "Sidebar" });
  for (const [name, trigger] of [
    ["tenant switcher", sidebar.getByRole("button", { name: /Switch partner/ })],
    ["user menu", sidebar.getByRole("button", { name: /account menu/i })],
    ["notifications", sidebar.getByRole("button", { name: /^Notifications/ })],
  ] as const) {
    await trigger.click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectAccessible(page, `${name} open`);
    await expectInsideWindow(page, page.getByRole("menu"), `${name} menu`);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toHaveCount(0);
  }
});

test("the mobile drawer passes axe open, and its close button keeps off the bell", async ({ browser }) => {
  const page = await open(browser, adminState, WIDTHS.phone);
  await visit(page, tenant.home);
  await page.getByRole("button", { name: "Open navigation" }).click();
  const drawer = page.getByRole("dialog", { name: "Navigation" });
  await expect(drawer).toBeVisible();
  await expectAccessible(page, "mobile drawer open");

  const close = await drawer.getByRole("button", { name: "Close" }).boundingBox();
  const bell = await drawer.getByRole("button", { name: /^Notifications/ }).boundingBox();
  expect(close && bell && overlaps(close, bell), `close ${JSON.stringify(close)} on bell ${JSON.stringify(bell)}`).toBe(
    false,
  );
  await expectInsideWindow(page, drawer.getByRole("button", { name: "Close" }), "drawer close button");

  // A menu opened from inside the drawer.
  await drawer.getByRole("button", { name: /account menu/i }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectAccessible(page, "user menu open in the mobile drawer");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);

  await page
    .getByRole("banner")
    .getByRole("button", { name: /^Notifications/ })
    .click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectAccessible(page, "notifications open on a phone");
  await expectInsideWindow(page, page.getByRole("menu"), "notifications menu on a phone");
});

test("the tables' last columns stay in view at 1280 and 1920px", async ({ browser }) => {
  for (const viewport of [WIDTHS.laptop, WIDTHS.wide]) {
    const page = await open(browser, adminState, viewport);
    await visit(page, `${tenant.home}/webhooks`);
    const replays = page.getByRole("button", { name: "Replay" });
    await expect(replays).toHaveCount(2);
    for (const replay of await replays.all()) await expectInsideWindow(page, replay, `Replay at ${viewport.width}px`);

    await visit(page, `${tenant.home}/records/payment`);
    const table = page.getByRole("region", { name: "payments" });
    const container = (await table.boundingBox())!;
    const last = (await table.getByRole("columnheader").last().boundingBox())!;
    expect
      .soft(last.x + last.width, `records table's last column at ${viewport.width}px`)
      .toBeLessThanOrEqual(container.x + container.width + 0.5);
    await expectNoSidewaysScroll(page, `${tenant.home}/records/payment`);
    await page.context().close();
  }
});
