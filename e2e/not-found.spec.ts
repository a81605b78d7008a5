import { sidebar } from "./fixtures/auth";
import { signInAs } from "./fixtures/session";
import { expect, test } from "./fixtures/test";

test("non-admin and unknown-id pages answer 404", async ({ page, tenant }) => {
  await signInAs(page.context(), tenant.viewer);
  for (const path of ["/settings", "/team", "/api-log", "/mailbox", "/audit", "/webhooks"]) {
    const response = await page.goto(tenant.home + path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    // Still a member of the partner: the app shell stays.
    await expect(sidebar(page).getByRole("link", { name: "Overview" })).toBeVisible();
  }
  for (const path of ["/records/nonsense", `/records/payment/${crypto.randomUUID()}`, "/records/payment/not-a-uuid"]) {
    const response = await page.goto(tenant.home + path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  // Pages the viewer may open still answer 200.
  for (const path of ["", "/records/payment"]) {
    expect((await page.goto(tenant.home + path))?.status(), path).toBe(200);
  }
  // Not a member: the plain 404, without the partner's shell.
  const response = await page.goto("/p/no-such-partner/settings");
  expect(response?.status()).toBe(404);
  await expect(sidebar(page)).toHaveCount(0);
});
