import { and, eq, sql } from "drizzle-orm";
import type { Browser, Page } from "@playwright/test";
import { getDb } from "@/db";
import { auditEvents, memberComments, memberDrafts, members, type Member } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { TEST_PASSWORD } from "@/lib/testing/factories";
import { expectAccessible } from "./fixtures/axe";
import { connectToServerDatabase } from "./fixtures/server-database";
import { signInAs } from "./fixtures/session";
import { createTenant, type Tenant } from "./fixtures/tenant";
import { expect, test } from "./fixtures/test";

// One sandbox-connected tenant: staff sign members up at the embedded sandbox, the members fill the wizard.
test.describe.configure({ mode: "serial" });

let tenant: Tenant;
/** The first story's member (personal details and due diligence done), for the submit story. */
let filled: Member;
test.beforeAll(async () => {
  tenant = await createTenant({ sandbox: "connected" });
});

/** axe and no sideways scroll at a phone's width and a wide screen's. */
async function checkPage(page: Page, label: string) {
  for (const width of [390, 1920]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 });
    await expectAccessible(page, `${label} at ${width}px`);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect.soft(scrollWidth, `${label} at ${width}px: wider than the window`).toBeLessThanOrEqual(innerWidth);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** A member signed up at Wallex (the sandbox) by the operator, with TEST_PASSWORD as if the invitation was accepted. */
async function memberSignedUpByStaff(browser: Browser, locale: "en" | "id") {
  const context = await browser.newContext();
  await signInAs(context, tenant.operator);
  const page = await context.newPage();
  const email = `wizard-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await page.goto(`${tenant.home}/members/new`);
  await page.getByRole("radio", { name: /^Individual/ }).check();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("First name").fill("Siti");
  await page.getByLabel("Last name").fill("Rahma");
  await page.getByLabel("Country", { exact: true }).selectOption("ID");
  await page.getByLabel("Language of the member's mail").selectOption(locale);
  await page.getByRole("button", { name: "Create member" }).click();
  await expect(page).toHaveURL(new RegExp(`${tenant.home}/members/[0-9a-f-]{36}$`));
  await context.close();
  connectToServerDatabase();
  const [member] = await getDb()
    .update(members)
    .set({ passwordHash: await hashPassword(TEST_PASSWORD), stage: "in_progress" })
    .where(and(eq(members.partnerId, tenant.id), sql`lower(${members.email}) = ${email}`))
    .returning();
  expect(member.wallexUserId).toBeTruthy();
  return member;
}

async function signIn(page: Page, email: string) {
  await page.goto(`/m/${tenant.slug}/sign-in`);
  await page.getByLabel(/^(Email)$/).fill(email);
  await page.getByLabel(/^(Password|Kata sandi)$/).fill(TEST_PASSWORD);
  await page.getByRole("button", { name: /^(Sign in|Masuk)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/m/${tenant.slug}$`));
}

const stepUrl = (step: string) => new RegExp(`/m/[^/]+/onboarding/${step}$`);

test("a member fills personal details and due diligence, leaves, and resumes where they stopped", async ({
  browser,
}) => {
  const member = await memberSignedUpByStaff(browser, "en");
  filled = member;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, member.email);
  await page.goto(`/m/${tenant.slug}/onboarding`);
  await expect(page).toHaveURL(stepUrl("personal"));
  await expect(page.getByRole("heading", { name: "Personal details", level: 1 })).toBeVisible();
  const checklist = page.getByRole("navigation", { name: "Your steps" });
  await expect(checklist.locator('[aria-current="step"]')).toContainText("Personal details");
  await checkPage(page, "wizard: personal");

  // Bad input: messages next to the fields, what was typed stays.
  await page.getByLabel("Date of birth").fill("2015-03-01");
  await page.getByLabel("Country of residence").selectOption("ID");
  await page.getByLabel("Postal code").fill("123");
  await page.getByLabel("Country dialling code").fill("62");
  await page.getByLabel("Mobile number").fill("12");
  await page.getByLabel("Expiry date").fill("2020-01-01");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("You must be at least 18 years old.")).toBeVisible();
  await expect(page.getByText("An Indonesian postal code has 5 digits.")).toBeVisible();
  await expect(page.getByText("Enter 6 to 14 digits, without the country code.")).toBeVisible();
  await expect(page.getByText("This document has expired. Use one that is still valid.")).toBeVisible();
  await expect(page.getByLabel("Postal code")).toHaveValue("123");
  await expect(page.getByLabel("Date of birth")).toHaveValue("2015-03-01");
  await expect(page.getByLabel("Postal code")).toHaveAttribute("aria-invalid", "true");
  await checkPage(page, "wizard: personal with errors");

  await page.getByLabel("Date of birth").fill("1990-02-28");
  await page.getByLabel("Nationality").selectOption("ID");
  await page.getByLabel("Address").fill("Jl. Sudirman 1");
  await page.getByLabel("City").fill("Jakarta");
  await page.getByLabel("Postal code").fill("10110");
  await page.getByLabel("Mobile number").fill("812 3456 7890");
  await page.getByLabel("Identity document", { exact: true }).selectOption("passport");
  await page.getByLabel("Identity document number").fill("A1234567");
  await page.getByLabel("Issue date").fill("2020-01-15");
  await page.getByLabel("Expiry date").fill("2030-01-14");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page).toHaveURL(stepUrl("due-diligence"));
  await expect(page.getByTestId("step-state-personal")).toHaveText("Done");
  await checkPage(page, "wizard: due diligence");
  await page.getByLabel("Entity type").selectOption({ label: "Individual" });
  await page.getByRole("checkbox", { name: "Payments", exact: true }).check();
  await page.getByLabel("Source of funds").fill("Salary");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(stepUrl("documents"));
  await expect(page.getByTestId("step-state-due_diligence")).toHaveText("Done");

  // Leave, sign in again: back at the first step not done, with the answers kept.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`/m/${tenant.slug}/sign-in`));
  await signIn(page, member.email);
  await page.goto(`/m/${tenant.slug}/onboarding`);
  await expect(page).toHaveURL(stepUrl("documents"));
  await page
    .getByRole("navigation", { name: "Your steps" })
    .getByRole("link", { name: /Personal details/ })
    .click();
  await expect(page.getByLabel("Date of birth")).toHaveValue("1990-02-28");
  await expect(page.getByLabel("Mobile number")).toHaveValue("81234567890");
  await expect(page.getByLabel("Identity document number")).toHaveValue("A1234567");

  await page.goto(`/m/${tenant.slug}/onboarding/review`);
  await expect(page.getByRole("heading", { name: "Review and submit", level: 1 })).toBeVisible();
  await expect(page.getByText("Jl. Sudirman 1")).toBeVisible();
  await checkPage(page, "wizard: review");
  await context.close();
});

test("the wizard in Bahasa Indonesia renders, refuses bad input in Indonesian, and saves", async ({ browser }) => {
  const member = await memberSignedUpByStaff(browser, "id");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, member.email);
  await page.goto(`/m/${tenant.slug}/onboarding/personal`);
  await expect(page.getByRole("heading", { name: "Data pribadi", level: 1 })).toBeVisible();
  await checkPage(page, "wizard in Indonesian: personal");

  await page.getByLabel("Tanggal lahir").fill("2023-02-01");
  await page.getByLabel("Negara tempat tinggal").selectOption("ID");
  await page.getByLabel("Kode pos").fill("1011");
  await page.getByRole("button", { name: "Simpan dan lanjutkan" }).click();
  await expect(page.getByText("Anda harus berusia minimal 18 tahun.")).toBeVisible();
  await expect(page.getByText("Kode pos Indonesia terdiri dari 5 angka.")).toBeVisible();
  await expect(page.getByLabel("Kode pos")).toHaveValue("1011");

  await page.getByLabel("Tanggal lahir").fill("1985-07-17");
  await page.getByLabel("Kode pos").fill("40115");
  await page.getByLabel("Kota").fill("Bandung");
  await page.getByRole("button", { name: "Simpan dan lanjutkan" }).click();
  await expect(page).toHaveURL(stepUrl("due-diligence"));
  await expect(page.getByRole("heading", { name: "Uji tuntas nasabah", level: 1 })).toBeVisible();
  // Saved, but approval still needs more on the first step: the checklist says so now, not at review.
  await expect(page.getByTestId("step-state-personal")).toContainText("Perlu dilengkapi");
  await checkPage(page, "wizard in Indonesian: due diligence");
  await context.close();
});

test("submit goes to the partner's review and freezes the steps; requested changes are pinned to the fields", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, filled.email);
  await page.goto(`/m/${tenant.slug}/onboarding/review`);
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByText(`Thank you. ${tenant.name} is reviewing your application.`)).toBeVisible();
  const db = getDb();
  expect((await db.select().from(members).where(eq(members.id, filled.id)))[0].stage).toBe("in_partner_review");

  // Frozen while the partner reviews: the form is read-only, with a clear notice.
  await page.goto(`/m/${tenant.slug}/onboarding/personal`);
  await expect(page.getByText("Your application is being reviewed, so it cannot be changed now.")).toBeVisible();
  await expect(page.getByLabel("City")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save and continue" })).toHaveCount(0);

  // The reviewer asks for changes: one comment on a field, one general, and an internal note.
  await db.update(members).set({ stage: "changes_requested" }).where(eq(members.id, filled.id));
  await db.insert(memberComments).values([
    {
      partnerId: tenant.id,
      memberId: filled.id,
      source: "reviewer",
      field: "personal.idNumber",
      body: "The number does not match the scan.",
      memberVisible: true,
    },
    {
      partnerId: tenant.id,
      memberId: filled.id,
      source: "wallex",
      body: "Proof of address is older than 3 months",
      memberVisible: true,
    },
    {
      partnerId: tenant.id,
      memberId: filled.id,
      source: "reviewer",
      field: "personal.idNumber",
      body: "Internal: ask compliance",
      memberVisible: false,
    },
  ]);
  await page.goto(`/m/${tenant.slug}/onboarding`);
  await expect(page).toHaveURL(stepUrl("personal"));
  await expect(page.getByText("Changes were requested. Fix the marked fields and submit again.")).toBeVisible();
  await expect(page.getByText("Proof of address is older than 3 months")).toBeVisible();
  const idNumber = page.getByLabel("Identity document number");
  await expect(idNumber).toHaveAccessibleDescription(/The number does not match the scan\./);
  await expect(page.getByText("Internal: ask compliance")).toHaveCount(0);
  await expect(page.getByTestId("step-state-personal")).toContainText("1 comment");
  await checkPage(page, "wizard: changes requested");

  await idNumber.fill("A7654321");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(stepUrl("due-diligence"));
  await page.goto(`/m/${tenant.slug}/onboarding/review`);
  await page.getByRole("button", { name: "Submit again" }).click();
  await expect(page.getByText(`Thank you. ${tenant.name} is reviewing your application.`)).toBeVisible();
  const comments = await db.select().from(memberComments).where(eq(memberComments.memberId, filled.id));
  expect(comments.filter((c) => c.memberVisible).every((c) => c.resolvedAt !== null)).toBe(true);
  expect(comments.find((c) => !c.memberVisible)?.resolvedAt).toBeNull();
  await context.close();
});

test("an operator fills a step as the member; the audit row names both; a viewer gets 404", async ({ browser }) => {
  const member = await memberSignedUpByStaff(browser, "id");
  const context = await browser.newContext();
  await signInAs(context, tenant.operator);
  const page = await context.newPage();
  await page.goto(`${tenant.home}/members/${member.id}/act/personal`);
  await expect(page.getByText(`Acting as the member (${member.email})`)).toBeVisible();
  await checkPage(page, "act as member: personal");
  await page.getByLabel("Postal code").fill("99");
  await page.getByLabel("Country of residence").selectOption("ID");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("An Indonesian postal code has 5 digits.")).toBeVisible();
  await page.getByLabel("Postal code").fill("20112");
  await page.getByLabel("City").fill("Medan");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/members/${member.id}/act/due-diligence$`));

  const db = getDb();
  const [draft] = await db.select().from(memberDrafts).where(eq(memberDrafts.memberId, member.id));
  expect(draft.data).toMatchObject({ city: "Medan", postalCode: "20112", residenceCountry: "ID" });
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.memberId, member.id), eq(auditEvents.action, "onboarding.step_saved")));
  expect(row.actorEmail).toBe(tenant.operator.email);
  expect(row.after).toMatchObject({ actingAsMember: member.email, staff: tenant.operator.email });

  const viewer = await browser.newContext();
  await signInAs(viewer, tenant.viewer);
  const viewerPage = await viewer.newPage();
  const response = await viewerPage.goto(`${tenant.home}/members/${member.id}/act/personal`);
  expect(response?.status()).toBe(404);
  await viewer.close();
  await context.close();
});
