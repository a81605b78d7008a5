import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_TARGET, OTHER_ADMIN, demo } from "./fixtures/accounts";
import { sidebar, signIn } from "./fixtures/auth";

test("a viewer sees no settings and cannot open them", async ({ page }) => {
  await signIn(page, demo.viewer, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/p\/demo$/);
  await expect(sidebar(page).getByRole("link", { name: "Overview" })).toBeVisible();
  for (const name of ["Settings", "Team", "Audit log", "API log", "Webhooks", "Dev mailbox"]) {
    await expect(sidebar(page).getByRole("link", { name })).toHaveCount(0);
  }
  for (const path of [
    "/p/demo/settings",
    "/p/demo/team",
    "/p/demo/audit",
    "/p/demo/api-log",
    "/p/demo/webhooks",
    "/p/demo/mailbox",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("wrong passwords get a clear message and lock the account for a while", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.compliance);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  }
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed attempts. Try again in 15 minutes./)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(demo.compliance);
});

test("forged, malformed and unknown invitation links get a clear page", async ({ page }) => {
  for (const token of ["nonsense", `${crypto.randomUUID()}.${"x".repeat(43)}`]) {
    await page.goto(`/invite/${token}`);
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  }
});

test.describe("tenant isolation: another partner's admin", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, OTHER_ADMIN.email, OTHER_ADMIN.password, OTHER_ADMIN.totpSecret);
    await expect(page).toHaveURL(/\/p\/other$/);
  });

  test("gets a 404 on every page and export of the demo partner", async ({ page }) => {
    for (const path of [
      "/p/demo",
      "/p/demo/team",
      "/p/demo/settings",
      "/p/demo/audit",
      "/p/demo/api-log",
      "/p/demo/webhooks",
      "/p/demo/mailbox",
      "/p/demo/records/payment",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    const exported = await page.request.get("/p/demo/audit/export");
    expect(exported.status()).toBe(404);
  });

  test("cannot act on the demo partner's ids through its own forms", async ({ page }) => {
    await page.goto("/p/other/team");
    const ownRow = page.getByTestId(`member-${OTHER_ADMIN.email}`);
    await expect(ownRow).toBeVisible();
    // The sole admin's own role is locked in the page; unlock it, point the confirmed form at a
    // membership of the demo partner, then submit it.
    const select = ownRow.getByLabel(/Role of/);
    await select.evaluate((el) => el.removeAttribute("disabled"));
    await select.selectOption("viewer");
    const dialog = page.getByRole("dialog");
    await dialog
      .locator('input[name="membershipId"]')
      .evaluate((input, id) => ((input as HTMLInputElement).value = id), DEMO_TARGET.membershipId);
    await dialog.getByRole("button", { name: "Make viewer" }).click();
    await expect(page.getByText("Team member not found.")).toBeVisible();
    await page.keyboard.press("Escape");

    await page
      .getByRole("main")
      .locator('input[name="partnerSlug"]')
      .first()
      .evaluate((input) => ((input as HTMLInputElement).value = "demo"));
    await page.getByLabel("Email").fill("intruder@example.test");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Not found.", { exact: true })).toBeVisible();
  });
});
