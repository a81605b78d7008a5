import { expect, test } from "@playwright/test";
import { OTHER_ADMIN } from "./fixtures/accounts";
import { signIn } from "./fixtures/auth";
import { OTHER_PAYMENT } from "./fixtures/seed-records";

// The records pages are the raw view of the mirror: each kind shows its own columns, a payment is
// found by the reference the person typed, and a record's URL names its Wallex id.
test("the payments tab shows beneficiary, amount and both references; a record's URL names its Wallex id", async ({
  page,
}) => {
  await signIn(page, OTHER_ADMIN.email, OTHER_ADMIN.password, OTHER_ADMIN.totpSecret);
  await page.goto("/p/other/records/payment");
  const table = page.getByRole("table");
  for (const header of ["Wallex ID", "Member", "Beneficiary", "Amount", "Payment reference", "Status"]) {
    await expect(table.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  // The secondary columns join on a wide screen, so a laptop's list fits its card.
  const secondary = ["Our reference"];
  for (const header of secondary)
    await expect(table.getByRole("columnheader", { name: header, exact: true })).toBeHidden();
  await page.setViewportSize({ width: 1920, height: 1080 });
  for (const header of secondary)
    await expect(table.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: OTHER_PAYMENT.wallexId }) });
  await expect(row.getByRole("cell", { name: OTHER_PAYMENT.referenceId })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(row.getByRole("cell", { name: OTHER_PAYMENT.holder })).toBeVisible();
  await expect(row.getByRole("cell", { name: /^SGD\s1,345\.28$/ })).toBeVisible();
  await expect(row.getByRole("cell", { name: OTHER_PAYMENT.paymentReference })).toBeVisible();
  await expect(row.getByRole("cell", { name: "mia@other.test" })).toBeVisible();

  // The person's own reference, typed loosely, finds the payment; another text does not.
  const search = page.getByLabel("Wallex ID, payment or our reference");
  await search.fill("invoice 2041");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=invoice\+2041/);
  await expect(page.getByRole("link", { name: OTHER_PAYMENT.wallexId })).toBeVisible();
  await search.fill("invoice 2042");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=invoice\+2042/);
  await expect(page.getByRole("link", { name: OTHER_PAYMENT.wallexId })).toHaveCount(0);

  // Other kinds have their own columns: members show name, type and KYC status, no amount.
  await page.goto("/p/other/records/user");
  await expect(page.getByRole("columnheader", { name: "KYC status" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Mia Wong" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Amount" })).toHaveCount(0);

  await page.goto("/p/other/records/payment");
  await page.getByRole("link", { name: OTHER_PAYMENT.wallexId }).click();
  await expect(page).toHaveURL(new RegExp(`/p/other/records/payment/${OTHER_PAYMENT.wallexId}$`));
  await expect(page.getByRole("heading", { name: `Payment ${OTHER_PAYMENT.wallexId}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy Wallex ID" })).toBeVisible();
  await expect(page.getByText(OTHER_PAYMENT.paymentReference, { exact: true })).toBeVisible();

  // A link from before, by our row id, still opens the record at its Wallex id.
  await page.goto(`/p/other/records/payment/${OTHER_PAYMENT.rowId}`);
  await expect(page).toHaveURL(new RegExp(`/p/other/records/payment/${OTHER_PAYMENT.wallexId}$`));
});
