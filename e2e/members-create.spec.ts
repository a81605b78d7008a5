import { and, eq, sql } from "drizzle-orm";
import type { Browser, Page } from "@playwright/test";
import { getDb } from "@/db";
import { memberInvitations, members } from "@/db/schema";
import { expectAccessible } from "./fixtures/axe";
import { connectToServerDatabase } from "./fixtures/server-database";
import { signInAs } from "./fixtures/session";
import { createTenant, type Person, type Tenant } from "./fixtures/tenant";
import { expect, test } from "./fixtures/test";

// One story on one sandbox-connected tenant: the operator creates members, the admin reads the mail.
test.describe.configure({ mode: "serial" });

let tenant: Tenant;
test.beforeAll(async () => {
  tenant = await createTenant({ sandbox: "connected" });
});

async function pageAs(browser: Browser, person: Person, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await signInAs(context, person);
  return context.newPage();
}
const membersWith = async (email: string) => {
  connectToServerDatabase();
  return getDb()
    .select()
    .from(members)
    .where(and(eq(members.partnerId, tenant.id), sql`lower(${members.email}) = ${email.toLowerCase()}`));
};
const uniqueEmail = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@example.com`;

async function fillCompany(page: Page, email: string) {
  await page.getByRole("radio", { name: /^Company/ }).check();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("First name").fill("Dewi");
  await page.getByLabel("Last name").fill("Lestari");
  await page.getByLabel("Company name").fill("Lestari Ekspor");
  await page.getByLabel("Country", { exact: true }).selectOption("ID");
}

test("an operator creates a company member, invited in the member's language", async ({ browser }) => {
  const page = await pageAs(browser, tenant.operator);
  await page.goto(`${tenant.home}/members/new`);
  await expect(page.getByRole("heading", { name: "New member" })).toBeVisible();

  // Company without its name, and a bad email: field errors, nothing created.
  await page.getByRole("radio", { name: /^Company/ }).check();
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Create member" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Enter the company's name.")).toBeVisible();

  const email = uniqueEmail("dewi");
  await fillCompany(page, email);
  await page.getByLabel("Language of the member's mail").selectOption("id");
  await page.getByRole("button", { name: "Create member" }).click();
  await expect(page).toHaveURL(new RegExp(`${tenant.home}/members/[0-9a-f-]{36}$`));
  const [member] = await membersWith(email);
  expect(member).toMatchObject({ accountType: "company", stage: "invited", locale: "id", wallexStatus: "draft" });
  expect(member.wallexUserId).toBeTruthy();

  // The same email again: a field error, nothing sent.
  await page.goto(`${tenant.home}/members/new`);
  await fillCompany(page, email.toUpperCase());
  await page.getByRole("button", { name: "Create member" }).click();
  await expect(page.getByText(/already a member of/)).toBeVisible();
  expect(await membersWith(email)).toHaveLength(1);

  // The mail, in Bahasa Indonesia, with the member portal's link.
  const admin = await pageAs(browser, tenant.admin);
  await admin.goto(`${tenant.home}/mailbox`);
  await admin
    .getByRole("link", { name: /selesaikan pembukaan akun Wallex Anda/ })
    .first()
    .click();
  await expect(admin.getByTestId("mail-to")).toHaveText(email);
  const link = await admin.getByRole("link", { name: /\/invite\// }).getAttribute("href");
  expect(new URL(link!).pathname).toMatch(new RegExp(`^/m/${tenant.slug}/invite/[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$`));
});

test("a double click creates one member and sends one invitation", async ({ browser }) => {
  const page = await pageAs(browser, tenant.operator);
  await page.goto(`${tenant.home}/members/new`);
  const email = uniqueEmail("double");
  await fillCompany(page, email);
  await page.getByRole("button", { name: "Create member" }).dblclick();
  await expect(page).toHaveURL(new RegExp(`${tenant.home}/members/[0-9a-f-]{36}$`));
  const rows = await membersWith(email);
  expect(rows).toHaveLength(1);
  const invitations = await getDb().select().from(memberInvitations).where(eq(memberInvitations.memberId, rows[0].id));
  expect(invitations).toHaveLength(1);
});

test("resend and revoke from the access tab", async ({ browser }) => {
  const page = await pageAs(browser, tenant.operator);
  await page.goto(`${tenant.home}/members/new`);
  const email = uniqueEmail("access");
  await fillCompany(page, email);
  await page.getByRole("button", { name: "Create member" }).click();
  await expect(page).toHaveURL(new RegExp(`${tenant.home}/members/[0-9a-f-]{36}$`));
  const [member] = await membersWith(email);
  const [before] = await getDb().select().from(memberInvitations).where(eq(memberInvitations.memberId, member.id));

  await page.goto(`${tenant.home}/members/${member.id}/access`);
  const row = page.getByTestId("member-invitation");
  await expect(row).toHaveAttribute("data-state", "pending");
  await expect(row).toContainText("Pending until");
  await row.getByRole("button", { name: "Resend" }).click();
  await expect(page.getByText(`Invitation sent again to ${email}.`)).toBeVisible();
  const [resent] = await getDb().select().from(memberInvitations).where(eq(memberInvitations.id, before.id));
  expect(resent.tokenHash).not.toBe(before.tokenHash);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(page.getByText("Invitation revoked.")).toBeVisible();
  await expect(row).toHaveAttribute("data-state", "revoked");
  await expect(page.getByRole("button", { name: "Send a new invitation" })).toBeVisible();

  await page.getByRole("button", { name: "Send a new invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.locator('[data-testid="member-invitation"][data-state="pending"]')).toHaveCount(1);
});

test("a viewer gets 404 on the new member page, and sees no buttons on the access tab", async ({ browser }) => {
  const page = await pageAs(browser, tenant.viewer);
  const response = await page.goto(`${tenant.home}/members/new`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  connectToServerDatabase();
  const [member] = await getDb().select().from(members).where(eq(members.partnerId, tenant.id)).limit(1);
  await page.goto(`${tenant.home}/members/${member.id}/access`);
  await expect(page.getByTestId("member-invitation").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Resend" })).toHaveCount(0);
});

test("the new member form, the access tab and Member onboarding pass axe at 390 and 1920 px", async ({ browser }) => {
  connectToServerDatabase();
  const [member] = await getDb().select().from(members).where(eq(members.partnerId, tenant.id)).limit(1);
  for (const width of [390, 1920]) {
    const operator = await pageAs(browser, tenant.operator, width);
    for (const path of ["/members/new", `/members/${member.id}/access`]) {
      await operator.goto(tenant.home + path);
      await expect(operator.locator("h1")).toBeVisible();
      await expectAccessible(operator, `${path} at ${width}px`);
      const overflow = await operator.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow, `${path} scrolls sideways at ${width}px`).toBe(false);
    }
    const admin = await pageAs(browser, tenant.admin, width);
    await admin.goto(`${tenant.home}/settings`);
    await expect(admin.getByRole("heading", { name: "Member onboarding" })).toBeVisible();
    await expectAccessible(admin, `settings at ${width}px`);
  }
});

test("an admin enables lite signups, and the new member form offers them", async ({ browser }) => {
  const admin = await pageAs(browser, tenant.admin);
  await admin.goto(`${tenant.home}/settings`);
  await admin.getByLabel("Lite individual signup").check();
  await admin.getByLabel("Full signup (individual or company)").uncheck();
  await admin.getByRole("button", { name: "Save member onboarding" }).click();
  await expect(admin.getByText("Member onboarding saved.")).toBeVisible();

  await admin.goto(`${tenant.home}/members/new`);
  await expect(admin.getByRole("radio", { name: /^Lite individual/ })).toBeVisible();
  await expect(admin.getByRole("radio", { name: /^Company/ })).toHaveCount(0);
  await expect(admin.getByLabel("Nationality (optional)")).toBeVisible();
  await expectAccessible(admin, "new member, lite individual");
});
