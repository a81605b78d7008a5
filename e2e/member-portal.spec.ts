import type { Page } from "@playwright/test";
import { freshTotpCode } from "./fixtures/auth";
import { expectAccessible } from "./fixtures/axe";
import { createPortalMember, inviteMember, signInAsMember } from "./fixtures/members";
import { signInAs } from "./fixtures/session";
import { expect, test } from "./fixtures/test";

const NEW_PASSWORD = "a member's own password";

/** axe and no sideways scroll at a phone's width and a wide screen's, for the page as it is now. */
async function checkPortalPage(page: Page, label: string) {
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

async function signInOnPortal(page: Page, portal: string, email: string, password: string, submit = "Sign in") {
  await page.goto(`${portal}/sign-in`);
  await page.getByLabel(/^(Email)$/).fill(email);
  await page.getByLabel(/^(Password|Kata sandi)$/).fill(password);
  await page.getByRole("button", { name: submit, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${portal}$`));
}

test("a member accepts the invitation, lands on the portal, turns on two-factor, signs out and in again", async ({
  page,
  tenant,
}) => {
  const member = await createPortalMember(tenant, { firstName: "Siti", lastName: "Rahma" });
  const link = await inviteMember(member);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Welcome to ${tenant.name}` })).toBeVisible();
  await checkPortalPage(page, "invitation");
  await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm password").fill("not the same password");
  await page.getByRole("button", { name: "Set password and continue" }).click();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set password and continue" }).click();

  await expect(page).toHaveURL(new RegExp(`${member.portal}$`));
  await expect(page.getByRole("heading", { name: "Hello, Siti" })).toBeVisible();
  // Accepting moved the member from invited to in progress.
  const tracker = page.getByRole("list", { name: "Application progress" });
  await expect(tracker.locator('[aria-current="step"]')).toContainText("In progress");
  await expect(page.getByRole("banner")).toContainText(tenant.name);
  await checkPortalPage(page, "portal home");

  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await checkPortalPage(page, "portal security");
  await page.getByRole("button", { name: "Set up an authenticator" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await checkPortalPage(page, "portal security, enrolling");
  const secret = (await page.locator("code").textContent())!.trim();
  await page.getByLabel("Code from the app").fill("123");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();
  await page.getByLabel("Code from the app").fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("On: signing in asks for a code from your authenticator app.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new RegExp(`${member.portal}/sign-in`));
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await checkPortalPage(page, "portal sign-in");
  // Signed out for real: the portal asks to sign in again.
  await page.goto(member.portal);
  await expect(page).toHaveURL(new RegExp(`${member.portal}/sign-in`));

  // The link is spent.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();

  await page.goto(`${member.portal}/sign-in`);
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill("a wrong password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  // Two-factor is on now: the password alone is not enough.
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByLabel("Authentication code").fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${member.portal}$`));
  await expect(page.getByRole("heading", { name: "Hello, Siti" })).toBeVisible();
});

test("expired, revoked and malformed links get a clear page, never an error", async ({ page, tenant }) => {
  const expired = await inviteMember(await createPortalMember(tenant), { expiresAt: new Date(Date.now() - 60_000) });
  const revoked = await inviteMember(await createPortalMember(tenant), { revokedAt: new Date() });
  const portal = `/m/${tenant.slug}`;
  const cases: [string, string][] = [
    [expired, "This invitation has expired"],
    [revoked, "This invitation was withdrawn"],
    [`${portal}/invite/nonsense`, "This link is not valid"],
    [`${portal}/invite/${crypto.randomUUID()}.${"x".repeat(43)}`, "This link is not valid"],
  ];
  for (const [path, heading] of cases) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  await checkPortalPage(page, "spent invitation");
  // A broken escape never reaches the page: Next.js itself refuses it, as a client error.
  const broken = await page.goto(`${portal}/invite/%E0%A4%A`);
  expect(broken?.status()).toBeLessThan(500);
});

test("the language switch turns the portal to Bahasa Indonesia and the account keeps it", async ({ page, tenant }) => {
  const member = await createPortalMember(tenant, { firstName: "Budi", withPassword: true });
  await signInOnPortal(page, member.portal, member.email, member.password!);
  await expect(page.getByRole("heading", { name: "Hello, Budi" })).toBeVisible();

  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "Bahasa Indonesia" }).click();
  await expect(page.getByRole("heading", { name: "Halo, Budi" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Kemajuan pengajuan" })).toBeVisible();
  await expect(
    page.getByRole("group", { name: "Bahasa" }).getByRole("button", { name: "Bahasa Indonesia" }),
  ).toHaveAttribute("aria-pressed", "true");
  await checkPortalPage(page, "portal home in Bahasa Indonesia");
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Keamanan" }).click();
  await expect(page.getByRole("heading", { name: "Keamanan", level: 1 })).toBeVisible();
  await checkPortalPage(page, "portal security in Bahasa Indonesia");

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(new RegExp(`${member.portal}/sign-in`));
  // A fresh browser (no language cookie, English Accept-Language): the sign-in page is English…
  await page.context().clearCookies();
  await page.goto(`${member.portal}/sign-in`);
  await expect(page.getByRole("heading", { name: `Sign in to ${tenant.name}` })).toBeVisible();
  // …and signing in brings the member's own language back.
  await signInOnPortal(page, member.portal, member.email, member.password!);
  await expect(page.getByRole("heading", { name: "Halo, Budi" })).toBeVisible();
});

test("a member gets 404 on staff pages and on another partner's portal", async ({ page, tenant, neighbour }) => {
  const member = await createPortalMember(tenant, { withPassword: true, stage: "submitted" });
  await signInAsMember(page.context(), member);
  expect((await page.goto(member.portal))?.status()).toBe(200);
  await expect(page.getByRole("list", { name: "Application progress" }).locator('[aria-current="step"]')).toContainText(
    "Submitted",
  );
  for (const path of [tenant.home, `${tenant.home}/team`, `${tenant.home}/settings`, "/account/security"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  for (const path of [`${member.portal}/no-such-page`, `/m/${neighbour.slug}`, `/m/${neighbour.slug}/security`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await checkPortalPage(page, "portal 404");
  // The other partner's portal says so in the member's portal manner; "/" leads home to their own.
  await page.getByRole("link", { name: "Back to your portal" }).click();
  await expect(page).toHaveURL(new RegExp(`${member.portal}$`));
  // Still signed in at the own portal.
  expect((await page.goto(member.portal))?.status()).toBe(200);
});

test("staff of the partner visiting the portal are asked to sign in as a member", async ({ page, tenant }) => {
  await signInAs(page.context(), tenant.admin);
  await page.goto(`/m/${tenant.slug}`);
  await expect(page).toHaveURL(new RegExp(`/m/${tenant.slug}/sign-in$`));
  await expect(page.getByRole("heading", { name: `Sign in to ${tenant.name}` })).toBeVisible();
  // Their staff session still works on staff pages.
  expect((await page.goto(tenant.home))?.status()).toBe(200);
});
