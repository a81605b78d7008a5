import type { Browser } from "@playwright/test";
import { freshTotpCode, sidebar, signIn } from "./fixtures/auth";
import { createTenant, type Tenant } from "./fixtures/tenant";
import { expect, test } from "./fixtures/test";

// One story, in order: each step builds on the previous one (2FA set up, then used, and so on).
// A retry would start again from the top, where the admin has already set up 2FA: no retries here.
// The story's partner is its own, with a sandbox identity and an admin who has no 2FA yet.
test.describe.configure({ mode: "serial", retries: 0 });

let tenant: Tenant;
let home = "";
test.beforeAll(async () => {
  tenant = await createTenant({ sandbox: "connected", adminTwoFactor: false, country: "SG" });
  home = tenant.home;
});

let adminSecret = "";
// The admin's signed-in browser state, kept after the first test: codes work once per 30 s window.
let adminState: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;
const invitee = {
  email: `new.operator.${Date.now()}@example.test`,
  name: "Nina Newcomer",
  password: "a-long-password-42",
};

async function adminPage(browser: Browser) {
  const context = await browser.newContext({ storageState: adminState });
  return context.newPage();
}

test("an admin must set up two-factor on first sign-in, then signs in with a code", async ({ page }) => {
  await signIn(page, tenant.admin.email, tenant.admin.password);
  await expect(page).toHaveURL(new RegExp(`/account/security\\?required=1&partner=${tenant.slug}$`));
  await expect(page.getByText("Two-factor authentication is required")).toBeVisible();

  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  adminSecret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await expect(page.getByAltText(/QR code/)).toBeVisible();
  await page.getByLabel("Code").fill("123456".replace(/./g, "0"));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText(/does not match/)).toBeVisible();
  await page.getByLabel("Code").fill(await freshTotpCode(adminSecret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  // The forced set-up leads on to the partner the admin came for.
  await page.getByRole("link", { name: `Continue to ${tenant.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  await expect(sidebar(page).getByRole("link", { name: "Settings" })).toBeVisible();

  const fresh = await page.context().browser()!.newContext();
  const second = await fresh.newPage();
  await second.goto("/sign-in");
  await second.getByLabel("Email").fill(tenant.admin.email);
  await second.getByLabel("Password").fill(tenant.admin.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await second.getByLabel("Authentication code").fill("000000");
  await second.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(second.getByText("That code is not valid")).toBeVisible();
  await second.getByLabel("Authentication code").fill(await freshTotpCode(adminSecret));
  await second.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(second).toHaveURL(new RegExp(`${home}$`));
  adminState = await fresh.storageState();
  await fresh.close();
});

test("an admin tests the partner's connection to the embedded sandbox", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto(`${home}/settings`);
  await expect(admin.getByText("Sandbox", { exact: true })).toBeVisible();
  await expect(admin.getByText(/Stored: ••••/).first()).toBeVisible();
  await admin.getByRole("button", { name: "Test connection" }).click();
  await expect(admin.getByText("Connected to Wallex")).toBeVisible();
  await expect(admin.getByText(/Signed in and read \d+ currencies/)).toBeVisible();

  await admin.getByRole("button", { name: "Register webhook" }).click();
  await expect(admin.getByText("Webhook registered with Wallex.")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Rotate secret" })).toBeVisible();

  // The stored secrets never follow a new host: it needs every credential again, and nothing changes.
  const sandboxUrl = await admin.getByLabel("Base URL").inputValue();
  await admin.getByLabel("Base URL").fill("https://wallex.example.test");
  await admin.getByRole("button", { name: "Save connection" }).click();
  await expect(
    admin.getByText("Re-enter the API key, access key ID and secret access key for the new host."),
  ).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Base URL")).toHaveValue(sandboxUrl);

  // Bad input is refused next to its field; saving registers the webhook again.
  await admin.getByLabel("Requests per second").fill("0");
  await admin.getByRole("button", { name: "Save connection" }).click();
  await expect(admin.getByText("Allow at least 1 request per second.")).toBeVisible();
  await admin.getByLabel("Requests per second").fill("5");
  await admin.getByRole("button", { name: "Save connection" }).click();
  await expect(admin.getByText("Wallex connection saved and webhook registered.")).toBeVisible();

  // New sandbox keys for this partner only; the connection keeps working with them.
  await admin.getByRole("button", { name: "Issue new sandbox keys" }).click();
  await expect(admin.getByText("Connected to the embedded sandbox with new keys.")).toBeVisible();
  await admin.getByRole("button", { name: "Test connection" }).click();
  await expect(admin.getByText("Connected to Wallex")).toBeVisible();

  // A status change at the sandbox comes back as a notification: verified, stored, then processed
  // by the worker, which re-reads the funding and the balances into the mirror. The helper call
  // rides on the admin's session; the server fills in the partner's own sandbox key.
  const topUp = await admin.request.post("/api/wallex-sandbox/_sandbox/balances/top-up", {
    headers: { "X-Partner-Slug": tenant.slug },
    data: { currency: "USD", amount: "2500.00", reference: "E2E-TOPUP" },
  });
  expect(topUp.ok()).toBe(true);
  const funding = (await topUp.json()) as { id: string };
  await admin.goto(`${home}/webhooks?resourceId=${funding.id}`);
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByText("funding new → completed")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await admin.getByRole("button", { name: "Replay" }).click();
  await expect(admin.getByText("Replayed: no change: funding is completed")).toBeVisible();

  // A forged delivery leaves a small record (size, hash, source), never its body.
  await admin.goto(`${home}/settings`);
  const hookUrl = (await admin.locator("code", { hasText: "/api/webhooks/wallex/" }).first().textContent())!.trim();
  const forged = await admin.request.post(new URL(hookUrl).pathname, {
    headers: { "x-partner-desk-secret": "forged" },
    data: { resource: "simple_payment", resourceId: "e2e-forged", status: "completed", remarks: "E2E-FORGED-BODY" },
  });
  expect(forged.status()).toBe(401);
  await admin.goto(`${home}/webhooks?outcome=rejected`);
  await expect(admin.getByTestId("body-not-kept").first()).toContainText(/Body not kept \(\d+ bytes, sha256 /);
  await expect(admin.getByText("E2E-FORGED-BODY")).toHaveCount(0);
  await admin.goto(`${home}/webhooks?resourceId=${funding.id}`);

  // Wallex's status changes are notifications; opening the menu marks them seen.
  await admin.getByRole("button", { name: /^Notifications, \d+ new$/ }).click();
  await expect(
    admin.getByRole("menuitem", { name: new RegExp(`Funding ${funding.id.slice(0, 8)}… completed`) }),
  ).toBeVisible();
  await admin.keyboard.press("Escape");
  await expect(admin.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();

  // The records pages read the mirror.
  await admin.getByRole("link", { name: "Wallex records" }).click();
  await admin.getByRole("link", { name: /^Fundings/ }).click();
  await expect(admin).toHaveURL(/\/records\/funding$/);
  await admin.goto((await admin.getByRole("link", { name: funding.id }).getAttribute("href"))!);
  await expect(admin.getByRole("heading", { name: `Funding ${funding.id}` })).toBeVisible();
  await expect(admin.getByText(/^USD\s2,500\.00$/)).toBeVisible();
  await expect(admin.getByRole("list", { name: "Status history" })).toContainText("Wallex notification");
  await admin.getByRole("button", { name: "Refresh from Wallex" }).click();
  await expect(admin.getByText("Already current.")).toBeVisible();
  await admin.goto(`${home}/records/balance`);
  await expect(admin.getByRole("cell", { name: /USD\s2,500\.00/ })).toBeVisible();

  await admin.goto(`${home}/api-log`);
  await expect(admin.getByRole("heading", { name: "API log" })).toBeVisible();
  await expect(admin.getByRole("cell", { name: /currencies.list/ }).first()).toBeVisible();
  await expect(admin.getByRole("cell", { name: /auth.authenticate/ }).first()).toBeVisible();
  await expect(admin.getByRole("cell", { name: /webhooks.update/ }).first()).toBeVisible();
});

test("an admin invites a staff member, who accepts from the mailbox", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto(`${home}/team`);
  await admin.getByLabel("Email").fill("not-an-email");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText("Enter a valid email address.")).toBeVisible();

  await admin.getByLabel("Email").fill(invitee.email);
  await admin.getByLabel("Role", { exact: true }).selectOption("operator");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${invitee.email}.`)).toBeVisible();
  await expect(admin.getByTestId(`invitation-${invitee.email}`)).toBeVisible();

  await admin.goto(`${home}/mailbox`);
  const mail = admin.getByRole("link", { name: new RegExp(`Join ${tenant.name}`) }).first();
  // A click that lands while the page is still hydrating can be dropped; the mail's own URL cannot.
  await admin.goto((await mail.getAttribute("href"))!);
  await expect(admin.getByTestId("mail-to")).toHaveText(invitee.email);
  const link = await admin.getByRole("link", { name: /\/invite\// }).getAttribute("href");

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();
  await page.getByLabel("Your name").fill(invitee.name);
  await page.getByLabel("Password", { exact: true }).fill(invitee.password);
  await page.getByLabel("Confirm password").fill("something-else-entirely");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue(invitee.name);
  await page.getByLabel("Password", { exact: true }).fill(invitee.password);
  await page.getByLabel("Confirm password").fill(invitee.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  await expect(sidebar(page).getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(sidebar(page).getByRole("link", { name: "Audit log" })).toHaveCount(0);

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
  await context.close();
});

test("changing a role asks first, then changes the member's menu", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto(`${home}/team`);
  // The admin's own row offers no Remove.
  await expect(admin.getByTestId(`member-${tenant.admin.email}`)).toBeVisible();
  await expect(admin.getByTestId(`member-${tenant.admin.email}`).getByRole("button", { name: "Remove" })).toHaveCount(
    0,
  );
  await expect(admin.getByTestId(`member-${invitee.email}`).getByRole("button", { name: "Remove" })).toBeVisible();

  const role = admin.getByLabel(`Role of ${invitee.name}`);
  await role.selectOption("admin");
  await expect(admin.getByRole("dialog", { name: `Make ${invitee.name} an admin?` })).toBeVisible();
  await admin.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(role).toHaveValue("operator");
  await role.selectOption("compliance");
  await admin
    .getByRole("dialog", { name: `Make ${invitee.name} a compliance reviewer?` })
    .getByRole("button", { name: "Make compliance reviewer" })
    .click();
  await expect(admin.getByText(`${invitee.email} is now Compliance reviewer.`)).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, invitee.email, invitee.password);
  await expect(sidebar(page).getByRole("link", { name: "Audit log" })).toBeVisible();
  await expect(sidebar(page).getByRole("link", { name: "Team" })).toHaveCount(0);
  await context.close();
});

test("sign out everywhere ends the person's other sessions", async ({ browser }) => {
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [laptop, tablet] = await Promise.all(contexts.map((c) => c.newPage()));
  await signIn(laptop, invitee.email, invitee.password);
  await signIn(tablet, invitee.email, invitee.password);

  await laptop.goto("/account/security");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await laptop.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/sign-in\?signedOut=everywhere/);
  await expect(laptop.getByText("You are signed out on every device.")).toBeVisible();

  await tablet.goto(home);
  await expect(tablet).toHaveURL(/\/sign-in/);
  await Promise.all(contexts.map((c) => c.close()));
});

test("removing a member shuts them out on their next request", async ({ browser }) => {
  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, invitee.email, invitee.password);
  await expect(member).toHaveURL(new RegExp(`${home}$`));

  const admin = await adminPage(browser);
  await admin.goto(`${home}/team`);
  await admin.getByTestId(`member-${invitee.email}`).getByRole("button", { name: "Remove" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Remove from team" }).click();
  await expect(admin.getByText(`${invitee.name} was removed.`)).toBeVisible();
  await expect(admin.getByTestId(`member-${invitee.email}`)).toHaveCount(0);

  await member.reload();
  await expect(member.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await member.goto("/");
  await expect(member.getByRole("heading", { name: "No workspace yet" })).toBeVisible();
  await context.close();
});

test("the audit page shows each of those actions and exports them", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto(`${home}/audit`);
  for (const action of [
    "auth.signed_in",
    "auth.two_factor_enabled",
    "team.invited",
    "team.invitation_accepted",
    "team.role_changed",
    "auth.signed_out_everywhere",
    "team.removed",
    "settings.wallex_connection_tested",
    "settings.webhook_registered",
    "settings.wallex_connection_saved",
    "webhooks.replayed",
    "records.refreshed",
  ]) {
    await expect(admin.getByRole("cell", { name: action }).first()).toBeVisible();
  }

  await admin.getByLabel("Action").selectOption("team.role_changed");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/action=team.role_changed/);
  await expect(admin.getByRole("cell", { name: "team.invited" })).toHaveCount(0);
  await expect(admin.getByText("Compliance reviewer").or(admin.getByText("compliance")).first()).toBeVisible();

  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).createReadStream();
  let text = "";
  for await (const chunk of csv) text += chunk;
  expect(text.split("\n")[0]).toContain("seq,created_at,action");
  expect(text).toContain("team.role_changed");
  expect(text).not.toContain("team.invited");
});

test("request ids are found by the 8 characters the logs show; impossible filters say so", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto(`${home}/api-log`);
  const shownId = admin.locator("td[title]").first();
  const fullId = (await shownId.getAttribute("title"))!;
  const shown = (await shownId.textContent())!.trim();
  expect(shown).toBe(fullId.slice(0, 8));
  await admin.getByLabel("Request ID").fill(shown);
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(new RegExp(`requestId=${shown}`));
  await expect(admin.locator(`td[title="${fullId}"]`).first()).toBeVisible();
  await expect(admin.getByText("Nothing matches these filters")).toHaveCount(0);

  await admin.goto(`${home}/api-log?requestId=abc`);
  await expect(admin.getByText("Type at least 4 characters of the request ID.")).toBeVisible();
  await expect(admin.getByText("Nothing matches these filters")).toBeVisible();

  await admin.goto(`${home}/audit?from=2026-03-02&to=2026-03-01`);
  await expect(admin.getByText("From must be on or before To.")).toBeVisible();
  await expect(admin.getByLabel("From")).toHaveAttribute("aria-invalid", "true");

  await admin.goto(`${home}/records/payment?q=no-such-payment-anywhere`);
  await expect(admin.getByText("Nothing matches these filters")).toBeVisible();
  await expect(admin.getByRole("link", { name: "Clear filters" })).toHaveAttribute("href", `${home}/records/payment`);
  await expect(admin.getByText(/^No payments yet$/)).toHaveCount(0);
});

test("the partner's country is picked by name, never cut to two letters", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto(`${home}/settings`);
  const country = admin.getByLabel("Country");
  await expect(country).toHaveValue("SG");
  await expect(country.locator("option:checked")).toHaveText("Singapore");
  await expect(country.locator('option[value="SI"]')).toHaveText("Slovenia");
  await admin.getByRole("button", { name: "Save profile" }).click();
  await expect(admin.getByText("Profile saved.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Country")).toHaveValue("SG");
});
