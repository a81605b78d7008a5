import type { Page } from "@playwright/test";
import { signIn } from "./fixtures/auth";
import { signInAs } from "./fixtures/session";
import { expect, test } from "./fixtures/test";

/** Every CSP refusal the page reports, from the console and from the DOM's violation events. */
function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Refused to load ${event.blockedURI} (CSP ${event.violatedDirective})`),
    );
  });
  return violations;
}

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("sign-in, overview, settings and security work under the CSP, whose nonce is new on every request", async ({
  page,
  baseURL,
  tenant,
}) => {
  const violations = watchCsp(page);
  const first = await page.request.get("/sign-in");
  const second = await page.request.get("/sign-in");
  const csp = first.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(nonceOf(csp)).not.toBe(nonceOf(second.headers()["content-security-policy"]));
  expect(first.headers()).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  expect(first.headers()["strict-transport-security"]).toBeUndefined(); // served over plain http here
  expect(await first.text()).toContain(`nonce="${nonceOf(csp)}"`);

  const { admin } = tenant;
  await signIn(page, admin.email, admin.password, admin.totpSecret!);
  await expect(page).toHaveURL(`${baseURL}${tenant.home}`);
  await page.goto(`${tenant.home}/settings`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("[data-sonner-toast]").getByText("Profile saved.")).toBeVisible();
  await page.goto("/account/security");
  await expect(page.getByRole("heading", { name: "Account security" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the authenticator QR code (a data: image) shows under the CSP", async ({ page, tenant }) => {
  const violations = watchCsp(page);
  await signInAs(page.context(), tenant.viewer);
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const qr = page.getByRole("img", { name: /QR code/ });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(violations).toEqual([]);
});

test("a signed-in visitor is never sent off-site by callbackUrl", async ({ page, baseURL, tenant }) => {
  await signInAs(page.context(), tenant.operator);
  for (const target of [
    "//evil.example/x",
    "/\\evil.example",
    "/%09/evil.example",
    "https://evil.example/",
    "/.//evil.example",
  ]) {
    const response = await page.request.get(
      `/sign-in?callbackUrl=${target.startsWith("/%") ? target : encodeURIComponent(target)}`,
      { maxRedirects: 0 },
    );
    expect(response.status(), target).toBe(307);
    const location = response.headers()["location"];
    expect(location, target).toBe("/");
  }
  const kept = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(`${tenant.home}/team`)}`, {
    maxRedirects: 0,
  });
  expect(kept.headers()["location"]).toBe(`${tenant.home}/team`);
  expect(new URL(kept.headers()["location"], baseURL).origin).toBe(new URL(baseURL!).origin);
});

test("page scripts never see a session id; one other device can be signed out by its handle", async ({
  browser,
  tenant,
}) => {
  const { viewer } = tenant;
  const laptopContext = await browser.newContext();
  const firefoxOnAndroid = "Mozilla/5.0 (Android 14; Mobile; rv:120.0) Gecko/120.0 Firefox/120.0";
  const phoneContext = await browser.newContext({ userAgent: firefoxOnAndroid });
  const [laptop, phone] = [await laptopContext.newPage(), await phoneContext.newPage()];
  await signIn(laptop, viewer.email, viewer.password);
  await signInAs(phoneContext, viewer, { userAgent: firefoxOnAndroid });

  // A session row id is 32 base64url characters; the page (HTML and its RSC payload) must carry none.
  const html = await (await laptop.request.get("/account/security")).text();
  expect(html.match(/["'\\][A-Za-z0-9_-]{32}["'\\]/g) ?? []).toEqual([]);

  const session = await laptop.request.get("/api/auth/session");
  expect(await session.json()).toEqual({
    user: { name: viewer.name, email: viewer.email },
    expires: expect.any(String),
  });

  await laptop.goto("/account/security");
  await laptop.getByRole("button", { name: "Sign out Firefox on Android" }).click();
  await expect(laptop.getByText("Firefox on Android")).toHaveCount(0);
  await expect(laptop.getByText("This device")).toBeVisible();

  await phone.goto(tenant.home);
  await expect(phone).toHaveURL(/\/sign-in/);
  await laptop.goto(tenant.home);
  await expect(laptop).toHaveURL(new RegExp(tenant.home));
  await Promise.all([laptopContext.close(), phoneContext.close()]);
});

test("the address recorded is the connection's, never one the client names in a header", async ({
  browser,
  baseURL,
  tenant,
}) => {
  const named = { "x-forwarded-for": "203.0.113.9", "x-pd-client-ip": "203.0.113.10", "x-real-ip": "203.0.113.11" };
  // Over IPv4 explicitly (Chromium takes ::1 for localhost): the server's dual-stack socket sees
  // ::ffff:127.0.0.1, which must be recorded as people read it.
  const overIpv4 = baseURL!.replace("//localhost:", "//127.0.0.1:");
  const context = await browser.newContext({ baseURL: overIpv4, extraHTTPHeaders: named });
  const page = await context.newPage();
  await signIn(page, tenant.admin.email, tenant.admin.password, tenant.admin.totpSecret!);

  await page.goto("/account/security");
  await expect(page.getByRole("listitem").filter({ hasText: "This device" })).toContainText("127.0.0.1 · last active");
  await page.goto(`${tenant.home}/audit`);
  await expect(page.getByRole("row").filter({ hasText: "auth.signed_in" }).first()).toContainText("127.0.0.1");

  for (const path of ["/account/security", `${tenant.home}/audit`, `${tenant.home}/audit/export`]) {
    const body = await (await context.request.get(path)).text();
    for (const address of Object.values(named)) expect(body, path).not.toContain(address);
  }
  await context.close();
});
