import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo } from "./fixtures/accounts";
import { sidebar, signIn } from "./fixtures/auth";

test("non-admin and unknown-id pages answer 404", async ({ page }) => {
  await signIn(page, demo.viewer, DEMO_PASSWORD);
  for (const path of [
    "/p/demo/settings",
    "/p/demo/team",
    "/p/demo/api-log",
    "/p/demo/mailbox",
    "/p/demo/audit",
    "/p/demo/webhooks",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    // Still a member of the partner: the app shell stays.
    await expect(sidebar(page).getByRole("link", { name: "Overview" })).toBeVisible();
  }
  for (const path of [
    "/p/demo/records/nonsense",
    `/p/demo/records/payment/${crypto.randomUUID()}`,
    "/p/demo/records/payment/not-a-uuid",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  // Pages the viewer may open still answer 200.
  for (const path of ["/p/demo", "/p/demo/records/payment"]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
  }
  // Not a member: the plain 404, without the partner's shell.
  const response = await page.goto("/p/no-such-partner/settings");
  expect(response?.status()).toBe(404);
  await expect(sidebar(page)).toHaveCount(0);
});
