import { SEEDED_PAYMENT } from "./fixtures/seed-records";
import { signInAs } from "./fixtures/session";
import { expect, test } from "./fixtures/test";

test.use({ tenantOptions: { records: ["payments"] } });

// The records pages are the raw view of the mirror: each kind shows its own columns, a payment is
// found by the reference the person typed, and a record's URL names its Wallex id.
test("the payments tab shows beneficiary, amount and both references; a record's URL names its Wallex id", async ({
  page,
  tenant,
}) => {
  await signInAs(page.context(), tenant.admin);
  await page.goto(`${tenant.home}/records/payment`);
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
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: SEEDED_PAYMENT.wallexId }) });
  await expect(row.getByRole("cell", { name: SEEDED_PAYMENT.referenceId })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(row.getByRole("cell", { name: SEEDED_PAYMENT.holder })).toBeVisible();
  await expect(row.getByRole("cell", { name: /^SGD\s1,345\.28$/ })).toBeVisible();
  await expect(row.getByRole("cell", { name: SEEDED_PAYMENT.paymentReference })).toBeVisible();
  await expect(row.getByRole("cell", { name: "mia@other.test" })).toBeVisible();

  // The person's own reference, typed loosely, finds the payment; another text does not.
  const search = page.getByLabel("Wallex ID, payment or our reference");
  await search.fill("invoice 2041");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=invoice\+2041/);
  await expect(page.getByRole("link", { name: SEEDED_PAYMENT.wallexId })).toBeVisible();
  await search.fill("invoice 2042");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=invoice\+2042/);
  await expect(page.getByRole("link", { name: SEEDED_PAYMENT.wallexId })).toHaveCount(0);

  // Other kinds have their own columns: members show name, type and KYC status, no amount.
  await page.goto(`${tenant.home}/records/user`);
  await expect(page.getByRole("columnheader", { name: "KYC status" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Mia Wong" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Amount" })).toHaveCount(0);

  await page.goto(`${tenant.home}/records/payment`);
  await page.getByRole("link", { name: SEEDED_PAYMENT.wallexId }).click();
  await expect(page).toHaveURL(new RegExp(`${tenant.home}/records/payment/${SEEDED_PAYMENT.wallexId}$`));
  await expect(page.getByRole("heading", { name: `Payment ${SEEDED_PAYMENT.wallexId}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy Wallex ID" })).toBeVisible();
  await expect(page.getByText(SEEDED_PAYMENT.paymentReference, { exact: true })).toBeVisible();

  // A link from before, by our row id, still opens the record at its Wallex id.
  await page.goto(`${tenant.home}/records/payment/${tenant.rows.payment}`);
  await expect(page).toHaveURL(new RegExp(`${tenant.home}/records/payment/${SEEDED_PAYMENT.wallexId}$`));
});
