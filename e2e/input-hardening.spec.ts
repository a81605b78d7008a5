import type { Browser, BrowserContext } from "@playwright/test";
import { signInAs } from "./fixtures/session";
import { createTenant, type Tenant } from "./fixtures/tenant";
import { expect, test } from "./fixtures/test";

// The security probe's cases (issue 8) as they travel in a URL: percent-encoded NUL and lone
// surrogate, a malformed escape, impossible dates and numbers, 36 dashes, 10 KB, repeated params.
const RAW_VALUES = [
  "%00",
  "a%00b",
  "%ED%A0%80",
  "%",
  "%E0%A4%A",
  "2024-13-45",
  "2024-02-30",
  "1e309",
  "-1",
  "NaN",
  "-".repeat(36),
  "x".repeat(10_240),
];

// Every staff page that reads the URL (under the partner's home), with the parameters it reads.
const PAGES: [path: string, title: string | null, params: string[]][] = [
  ["/audit", "Audit log", ["action", "actor", "requestId", "from", "to", "page"]],
  ["/audit/export", null, ["action", "actor", "requestId", "from", "to"]],
  ["/api-log", "API log", ["operation", "outcome", "requestId", "page"]],
  ["/webhooks", "Webhooks", ["resource", "status", "member", "outcome", "resourceId", "page"]],
  ["/records/payment", "Wallex records", ["status", "member", "q", "page"]],
  ["/records/user", "Wallex records", ["status", "member", "q", "page"]],
  ["/members", "Members", ["q", "status", "type", "country", "action", "sort", "dir", "after", "before"]],
  ["/members/export", null, ["q", "status", "type", "country", "action", "sort", "dir"]],
  ["/notifications", "Notifications", ["kind", "ledger", "page"]],
  ["/mailbox", "Dev mailbox", ["id", "page"]],
  ["/team", "Team", ["page"]],
];

/**
 * A streamed page that fails after its first bytes keeps status 200 and carries the error's digest
 * instead (notFound and redirects travel the same way, under their own names).
 */
function serverError(body: string) {
  return [...body.matchAll(/data-dgst="([^"]*)"/g)].some(
    ([, digest]) => !/^NEXT_(HTTP_ERROR_FALLBACK|REDIRECT|NOT_FOUND)/.test(digest),
  );
}

// One partner with records for the file: the tests only read, except the last, whose invitations
// are its own addresses.
let tenant: Tenant;
let state: Awaited<ReturnType<BrowserContext["storageState"]>>;

async function signedIn(browser: Browser) {
  return browser.newContext({ storageState: state });
}

test.beforeAll(async ({ browser }) => {
  tenant = await createTenant({ records: ["payments"] });
  const context = await browser.newContext();
  await signInAs(context, tenant.admin);
  state = await context.storageState();
  await context.close();
});

test("malformed filters on every staff page answer below 500, with the page still shown", async ({ browser }) => {
  test.setTimeout(180_000); // over 300 requests, on a machine shared with other builds
  const context = await signedIn(browser);
  const failures: string[] = [];
  let requests = 0;
  for (const [path, title, params] of PAGES) {
    for (const param of params) {
      for (const query of [
        ...RAW_VALUES.map((v) => `${param}=${v}`),
        `${param}=1&${param}=2`,
        `${param}=%00&${param}=x`,
      ]) {
        const url = `${tenant.home}${path}?${query}`;
        requests += 1;
        try {
          const response = await context.request.get(url, { maxRedirects: 0 });
          // Read the whole body: an export or a streamed page can still fail half-way.
          const body = await response.text();
          if (response.status() >= 500) failures.push(`${response.status()} ${url.slice(0, 80)}`);
          else if (title && !body.includes(`>${title}</h1>`)) failures.push(`no page: ${url.slice(0, 80)}`);
          else if (serverError(body)) failures.push(`error in page: ${url.slice(0, 80)}`);
        } catch (error) {
          failures.push(`${(error as Error).message.split("\n")[0]}: ${url.slice(0, 80)}`);
        }
      }
    }
  }
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(300);
  await context.close();
});

test("ids that are no UUID are not found, with or without a session", async ({ browser }) => {
  const context = await signedIn(browser);
  const page = await context.newPage();
  for (const path of [
    `${tenant.home}/records/payment/${"-".repeat(36)}`,
    `${tenant.home}/records/payment/${"f".repeat(36)}`,
    `${tenant.home}/records/payment/%00`,
    `${tenant.home}/records/%00`,
  ]) {
    // The checks run above the loading boundaries, so "not found" is a real 404.
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
  }
  // An escape that is no UTF-8 never reaches our code: Next.js answers 400 itself.
  expect((await context.request.get(`${tenant.home}/records/%ED%A0%80`)).status()).toBe(400);
  await context.close();

  const anonymous = await browser.newContext();
  for (const token of [
    `${"-".repeat(36)}.${"A".repeat(43)}`,
    `${"f".repeat(36)}.${"A".repeat(43)}`,
    "%00",
    `%00.${"A".repeat(43)}`,
  ]) {
    const response = await anonymous.request.get(`/invite/${token}`);
    expect(response.status(), token).toBeLessThan(500);
    expect(await response.text(), token).toContain("This link is not valid");
  }
  for (const token of ["%E0%A4%A", "%ED%A0%80"])
    expect((await anonymous.request.get(`/invite/${token}`)).status(), token).toBe(400);
  await anonymous.close();
});

test("an invitation page looks the same whether or not the address has an account elsewhere", async ({
  browser,
  neighbour,
}) => {
  const admin = await (await signedIn(browser)).newPage();
  const fresh = `fresh.${Date.now()}@example.test`;
  // The neighbour's viewer has an account at another partner; this one must not learn that.
  const elsewhere = neighbour.viewer.email;
  for (const email of [elsewhere, fresh]) {
    await admin.goto(`${tenant.home}/team`);
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("Role", { exact: true }).selectOption("viewer");
    await admin.getByRole("button", { name: "Send invitation" }).click();
    await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  }

  const links: Record<string, string> = {};
  const mails: Record<string, string> = {};
  for (const email of [elsewhere, fresh]) {
    await admin.goto(`${tenant.home}/mailbox`);
    // By its URL: a click can land before the list has hydrated, and one opening is all a link gets.
    await admin.goto(
      (await admin.getByRole("link", { name: new RegExp(`To ${email.replace(/\./g, "\\.")}`) }).getAttribute("href"))!,
    );
    await expect(admin.getByTestId("mail-to")).toHaveText(email);
    links[email] = (await admin.getByRole("link", { name: /\/invite\// }).getAttribute("href"))!;
    mails[email] = admin.url();
  }

  const pages: Record<string, string> = {};
  for (const email of [elsewhere, fresh]) {
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    await page.goto(links[email]);
    await expect(page.getByRole("heading", { name: `Join ${tenant.name}` })).toBeVisible();
    pages[email] = (await page.locator("main").innerText()).replaceAll(email, "<email>");
    await visitor.close();
  }
  expect(pages[elsewhere]).toEqual(pages[fresh]);
  expect(pages[fresh]).toContain("Sign in to accept");
  expect(pages[fresh]).toContain("Create account and join");

  // Opened once, a mail no longer carries its link.
  for (const email of [elsewhere, fresh]) {
    await admin.goto(mails[email]);
    await expect(admin.getByTestId("mail-to")).toHaveText(email);
    await expect(admin.getByRole("link", { name: /\/invite\// })).toHaveCount(0);
    await expect(admin.getByText("[link removed after delivery]")).toBeVisible();
  }
});
