import { readFileSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { getDb } from "@/db";
import { members, type Member } from "@/db/schema";
import { connectToServerDatabase } from "./fixtures/server-database";
import { signInAs } from "./fixtures/session";
import { createTenant, type Person, type Tenant } from "./fixtures/tenant";
import { expect, test } from "./fixtures/test";
import { sandboxOf } from "./fixtures/wallex-member";

/**
 * The whole onboarding of one company member, as the people involved live it: staff create the
 * member, the invitation arrives in the dev mailbox, the member sets a password, fills the steps
 * with real files, leaves and comes back, submits (no partner review), Wallex asks for a document
 * again (the sandbox's operator hook, with a reason), the member fixes it and resubmits, and
 * Wallex approves. One story on one tenant whose sandbox sends its webhooks to us.
 */
test.describe.configure({ mode: "serial" });

const PDF = readFileSync(new URL("./fixtures/files/identity.pdf", import.meta.url));
const PNG = readFileSync(new URL("./fixtures/files/address-proof.png", import.meta.url));
const PASSWORD = "the member's own passphrase";

let tenant: Tenant;
let email: string;
let portal: string;
let memberContext: BrowserContext;
let memberPage: Page;

test.beforeAll(async () => {
  tenant = await createTenant({ sandbox: "webhook" });
  email = `journey-${crypto.randomUUID().slice(0, 8)}@example.com`;
  portal = `/m/${tenant.slug}`;
});
test.afterAll(async () => memberContext?.close());

async function pageAs(browser: Browser, person: Person) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInAs(context, person);
  return context.newPage();
}
async function memberRow(): Promise<Member> {
  connectToServerDatabase();
  const [row] = await getDb()
    .select()
    .from(members)
    .where(and(eq(members.partnerId, tenant.id), sql`lower(${members.email}) = ${email}`));
  return row;
}
async function signInToPortal(page: Page) {
  await page.goto(`${portal}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${portal}$`));
}
async function openMail(browser: Browser, subject: RegExp) {
  const admin = await pageAs(browser, tenant.admin);
  await admin.goto(`${tenant.home}/mailbox`);
  // Opened by its address: a click racing the page's hydration is sometimes lost.
  const href = await admin.getByRole("link", { name: subject }).first().getAttribute("href");
  await admin.goto(href!);
  await expect(admin.getByTestId("mail-to")).toHaveText(email);
  return admin;
}
async function uploadInto(
  page: Page,
  slot: string,
  file: { name: string; mimeType: string; buffer: Buffer },
  type?: string,
) {
  const card = page.getByTestId(`document-slot-${slot}`);
  if (type) await card.getByLabel("Document type").selectOption({ label: type });
  await card.getByLabel(/^(File|Upload the new file)$/).setInputFiles(file);
  await card.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(card.getByTestId("document-state")).toHaveText("Uploaded", { timeout: 30_000 });
}

test("staff switch partner review off and create a company member; the invitation reaches the dev mailbox", async ({
  browser,
}) => {
  const admin = await pageAs(browser, tenant.admin);
  await admin.goto(`${tenant.home}/settings`);
  await admin.getByLabel("Review members before Wallex screening").uncheck();
  await admin.getByRole("button", { name: "Save member onboarding" }).click();
  await expect(admin.getByText("Member onboarding saved.")).toBeVisible();

  const operator = await pageAs(browser, tenant.operator);
  await operator.goto(`${tenant.home}/members/new`);
  await operator.getByRole("radio", { name: /^Company/ }).check();
  await operator.getByLabel("Email", { exact: true }).fill(email);
  await operator.getByLabel("First name").fill("Dewi");
  await operator.getByLabel("Last name").fill("Lestari");
  await operator.getByLabel("Company name").fill("Lestari Ekspor");
  await operator.getByLabel("Country", { exact: true }).selectOption("ID");
  await operator.getByLabel("Language of the member's mail").selectOption("en");
  await operator.getByRole("button", { name: "Create member" }).click();
  await expect(operator).toHaveURL(new RegExp(`${tenant.home}/members/[0-9a-f-]{36}$`));
  expect(await memberRow()).toMatchObject({ accountType: "company", stage: "invited", wallexStatus: "draft" });

  const mail = await openMail(browser, /finish opening your Wallex account/);
  const link = await mail.getByRole("link", { name: /\/invite\// }).getAttribute("href");
  expect(new URL(link!).pathname).toMatch(new RegExp(`^${portal}/invite/`));

  // The member sets a password and lands on the portal.
  memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  memberPage = await memberContext.newPage();
  await memberPage.goto(new URL(link!).pathname);
  await memberPage.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await memberPage.getByLabel("Confirm password").fill(PASSWORD);
  await memberPage.getByRole("button", { name: "Set password and continue" }).click();
  await expect(memberPage).toHaveURL(new RegExp(`${portal}$`));
  await expect(memberPage.getByRole("heading", { name: "Hello, Dewi" })).toBeVisible();
});

const stepUrl = (step: string) => new RegExp(`${portal}/onboarding/${step}$`);
const checklist = (page: Page) => page.getByRole("navigation", { name: "Your steps" });

test("the member fills every step with real files, leaves mid-way, resumes exactly there, and submits", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = memberPage;
  await page.goto(`${portal}/onboarding`);
  await expect(page).toHaveURL(stepUrl("personal"));
  await page.getByLabel("Date of birth").fill("1988-07-12");
  await page.getByLabel("Nationality").selectOption("ID");
  await page.getByLabel("Country of residence").selectOption("ID");
  await page.getByLabel("Address").fill("Jl. Thamrin 10");
  await page.getByLabel("City").fill("Jakarta");
  await page.getByLabel("Postal code").fill("10350");
  await page.getByLabel("Country dialling code").fill("62");
  await page.getByLabel("Mobile number").fill("81298765432");
  await page.getByLabel("Identity document", { exact: true }).selectOption("passport");
  await page.getByLabel("Identity document number").fill("B7654321");
  await page.getByLabel("Issue date").fill("2021-05-01");
  await page.getByLabel("Expiry date").fill("2031-04-30");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page).toHaveURL(stepUrl("company"));
  await page.getByLabel("Registration number").fill("AHU-0012345");
  await page.getByLabel("Country of incorporation").selectOption("ID");
  await page.getByLabel("Business type").selectOption({ index: 1 });
  await page.getByLabel("Address").fill("Jl. Gatot Subroto 5");
  await page.getByLabel("City").fill("Jakarta");
  await page.getByLabel("Postal code").fill("12930");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page).toHaveURL(stepUrl("due-diligence"));
  await page.getByLabel("Entity type").selectOption({ index: 1 });
  await page.getByRole("checkbox", { name: "Payments", exact: true }).check();
  await page.getByLabel("Source of funds").fill("Export sales");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page).toHaveURL(stepUrl("documents"));
  await uploadInto(
    page,
    "identity",
    { name: "ktp.pdf", mimeType: "application/pdf", buffer: PDF },
    "KTP (identity card)",
  );
  await uploadInto(page, "company_proof", { name: "registration.pdf", mimeType: "application/pdf", buffer: PDF });

  // Leaves half-way: signs out, signs in again, and comes back exactly there, uploads kept.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`${portal}/sign-in`));
  await signInToPortal(page);
  await page.goto(`${portal}/onboarding`);
  await expect(page).toHaveURL(stepUrl("documents"));
  await expect(checklist(page).getByTestId("step-state-documents")).not.toHaveText("Done");
  await expect(page.getByTestId("document-slot-identity").getByText("ktp.pdf")).toBeVisible();
  await expect(page.getByTestId("document-slot-company_proof").getByTestId("document-state")).toHaveText("Uploaded");
  await expect(page.getByTestId("document-slot-proof_of_address").getByTestId("document-state")).toHaveText("Missing");

  await uploadInto(page, "proof_of_address", { name: "bill.png", mimeType: "image/png", buffer: PNG });
  await uploadInto(page, "company_address_proof", { name: "office.png", mimeType: "image/png", buffer: PNG });
  const { client } = await sandboxOf(tenant);
  const member = await memberRow();
  const atWallex = (await client.users.listDocuments({ userId: member.wallexUserId! })).data;
  expect(atWallex.map((d) => d.documentType).sort()).toEqual([
    "company_address_proof",
    "company_proof",
    "ktp",
    "utility_bill",
  ]);
  expect(atWallex.every((d) => d.status === "uploaded")).toBe(true);

  await page.getByRole("link", { name: "Continue to review" }).click();
  await expect(page).toHaveURL(stepUrl("review"));
  for (const step of ["personal", "company", "due_diligence", "documents"]) {
    await expect(checklist(page).getByTestId(`step-state-${step}`)).toHaveText("Done");
  }
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByText("Thank you. Your application is with Wallex for screening.")).toBeVisible();
  await expect.poll(async () => (await memberRow()).stage).toBe("submitted");
  expect((await memberRow()).wallexStatus).toBe("pending_approval");
  await openMail(browser, /your application was sent to Wallex/);
});

test("Wallex asks for a document again with a reason: the member is told, sees it pinned, fixes it", async ({
  browser,
}) => {
  const { decideUser } = await sandboxOf(tenant);
  const member = await memberRow();
  // The sandbox's compliance, reviewing the screening: a resubmission with its reason.
  await decideUser(member.wallexUserId!, "document_needs_resubmission", "The KTP photo is blurred.");
  await expect.poll(async () => (await memberRow()).stage, { timeout: 30_000 }).toBe("changes_requested");

  const mail = await openMail(browser, /Wallex needs you to resubmit some details/);
  await expect(mail.getByText("What needs changing: The KTP photo is blurred.")).toBeVisible();

  const page = memberPage;
  await page.goto(`${portal}/onboarding/documents`);
  await expect(page.getByTestId("documents-request")).toHaveText("What needs changing: The KTP photo is blurred.");
  const identity = page.getByTestId("document-slot-identity");
  await identity.getByRole("button", { name: "Replace" }).click();
  await uploadInto(
    page,
    "identity",
    { name: "ktp-sharp.png", mimeType: "image/png", buffer: PNG },
    "KTP (identity card)",
  );
  await expect(identity.getByText("ktp-sharp.png")).toBeVisible();

  await page.goto(`${portal}/onboarding/review`);
  await page.getByRole("button", { name: "Submit again" }).click();
  await expect(page.getByText("Thank you. Your application is with Wallex for screening.")).toBeVisible();
  await expect.poll(async () => (await memberRow()).stage).toBe("submitted");
});

test("Wallex approves: the member sees it, and is told by email", async ({ browser }) => {
  const { decideUser } = await sandboxOf(tenant);
  const member = await memberRow();
  expect(member.wallexStatus).toBe("pending_approval");
  await decideUser(member.wallexUserId!, "approved");
  await expect.poll(async () => (await memberRow()).wallexStatus, { timeout: 30_000 }).toBe("approved");

  await memberPage.goto(portal);
  // Every step of the tracker done, and the next action says so.
  const tracker = memberPage.getByRole("list", { name: "Application progress" });
  await expect(tracker.getByRole("listitem").last()).toContainText("Approved");
  await expect(tracker.locator('[aria-current="step"]')).toHaveCount(0);
  await expect(memberPage.getByText(/^Your account is approved\./)).toBeVisible();
  await openMail(browser, /your Wallex account is approved/);
});
