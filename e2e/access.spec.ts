import { sidebar, signIn } from "./fixtures/auth";
import { signInAs } from "./fixtures/session";
import { expect, test } from "./fixtures/test";

test("a viewer sees no settings and cannot open them", async ({ page, tenant }) => {
  await signIn(page, tenant.viewer.email, tenant.viewer.password);
  await expect(page).toHaveURL(new RegExp(`${tenant.home}$`));
  await expect(sidebar(page).getByRole("link", { name: "Overview" })).toBeVisible();
  for (const name of ["Settings", "Team", "Audit log", "API log", "Webhooks", "Dev mailbox"]) {
    await expect(sidebar(page).getByRole("link", { name })).toHaveCount(0);
  }
  for (const path of ["/settings", "/team", "/audit", "/api-log", "/webhooks", "/mailbox"]) {
    await page.goto(tenant.home + path);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("wrong passwords get a clear message and lock the account for a while", async ({ page, tenant }) => {
  const { email, password } = tenant.compliance;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  }
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed attempts. Try again in 15 minutes./)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
});

test("forged, malformed and unknown invitation links get a clear page", async ({ page }) => {
  for (const token of ["nonsense", `${crypto.randomUUID()}.${"x".repeat(43)}`]) {
    await page.goto(`/invite/${token}`);
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  }
});

test.describe("tenant isolation: another partner's admin", () => {
  test.beforeEach(async ({ page, tenant }) => {
    await signInAs(page.context(), tenant.admin);
  });

  test("gets a 404 on every page and export of the other partner", async ({ page, neighbour }) => {
    for (const path of ["", "/team", "/settings", "/audit", "/api-log", "/webhooks", "/mailbox", "/records/payment"]) {
      await page.goto(neighbour.home + path);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    const exported = await page.request.get(`${neighbour.home}/audit/export`);
    expect(exported.status()).toBe(404);
  });

  test("cannot act on the other partner's ids through its own forms", async ({ page, tenant, neighbour }) => {
    await page.goto(`${tenant.home}/team`);
    const ownRow = page.getByTestId(`member-${tenant.admin.email}`);
    await expect(ownRow).toBeVisible();
    // The sole admin's own role is locked in the page; unlock it, point the confirmed form at a
    // membership of the other partner, then submit it.
    const select = ownRow.getByLabel(/Role of/);
    await select.evaluate((el) => el.removeAttribute("disabled"));
    await select.selectOption("viewer");
    const dialog = page.getByRole("dialog");
    await dialog
      .locator('input[name="membershipId"]')
      .evaluate((input, id) => ((input as HTMLInputElement).value = id), neighbour.viewer.membershipId);
    await dialog.getByRole("button", { name: "Make viewer" }).click();
    await expect(page.getByText("Team member not found.")).toBeVisible();
    await page.keyboard.press("Escape");

    await page
      .getByRole("main")
      .locator('input[name="partnerSlug"]')
      .first()
      .evaluate((input, slug) => ((input as HTMLInputElement).value = slug), neighbour.slug);
    await page.getByLabel("Email").fill("intruder@example.test");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Not found.", { exact: true })).toBeVisible();
  });
});
