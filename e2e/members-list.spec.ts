import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { getDb } from "@/db";
import { expectAccessible } from "./fixtures/axe";
import { SEEDED_COMPANY, SEEDED_PEOPLE, seedMembers } from "./fixtures/members-seed";
import { connectToServerDatabase } from "./fixtures/server-database";
import { signInAs } from "./fixtures/session";
import type { Tenant } from "./fixtures/tenant";
import { expect, test } from "./fixtures/test";

// The staff members list and member page read only our database: the members are written
// straight to the e2e server's database for the test's own tenant.
async function withMembers(tenant: Tenant) {
  connectToServerDatabase();
  return seedMembers(getDb(), tenant.id);
}

const rowsOf = (page: Page) => page.getByRole("table", { name: "Members" }).getByRole("row");
const filter = async (page: Page) => {
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForLoadState("load");
};

/** Our own export read back: quoted cells with doubled quotes, no newlines inside cells. */
function csvRows(text: string) {
  const [header, ...lines] = text.trim().split("\n");
  const split = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
      .map((m) => m[1].replace(/^"|"$/g, "").replaceAll('""', '"'))
      .slice(0, header.split(",").length);
  const names = split(header);
  return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [names[i], v])));
}

test("search, filters and pages, and the CSV holds exactly the filtered rows", async ({ page, tenant }) => {
  await withMembers(tenant);
  await signInAs(page.context(), tenant.operator);
  await page.goto(tenant.home);
  await page.getByRole("link", { name: "Members", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${tenant.home}/members$`));
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();

  // 61 members: 50 on the first page, then the other 11; newest first.
  await expect(page.getByText(`50 shown of ${SEEDED_PEOPLE + 1} members`)).toBeVisible();
  await expect(rowsOf(page)).toHaveCount(51); // the header row too
  await expect(rowsOf(page).nth(1)).toContainText(`Person ${SEEDED_PEOPLE - 1}`);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByText(`11 shown of ${SEEDED_PEOPLE + 1} members`)).toBeVisible();
  await expect(rowsOf(page).last()).toContainText(SEEDED_COMPANY.companyName); // created first
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(page.getByText(`50 shown of ${SEEDED_PEOPLE + 1} members`)).toBeVisible();
  await expect(rowsOf(page).nth(1)).toContainText(`Person ${SEEDED_PEOPLE - 1}`);

  // The company: found by its person's name, with Wallex's status and reason, and what is missing.
  await page.getByLabel("Name, company or e-mail").fill("zainab");
  await filter(page);
  await expect(page).toHaveURL(/q=zainab/);
  await expect(rowsOf(page)).toHaveCount(2);
  const company = rowsOf(page).nth(1);
  await expect(company.getByRole("link", { name: SEEDED_COMPANY.companyName })).toBeVisible();
  await expect(company).toContainText("Company");
  await expect(company).toContainText("Document needs resubmission");
  await expect(company).toContainText(SEEDED_COMPANY.reason);
  await expect(company).toContainText("1 document");

  // Needs action in Indonesia: the people asked for changes there (every fifth, of every third).
  await page.getByLabel("Name, company or e-mail").fill("");
  await page.getByLabel("Country").selectOption("ID");
  await page.getByLabel("Needs action").selectOption("needed");
  await filter(page);
  await expect(page).toHaveURL(/country=ID/);
  await expect(page).toHaveURL(/action=needed/);
  const expected = Array.from({ length: SEEDED_PEOPLE }, (_, i) => i)
    .filter((i) => i % 3 === 0 && i % 5 === 0)
    .map((i) => `person${String(i).padStart(2, "0")}@people.test`);
  await expect(rowsOf(page)).toHaveCount(expected.length + 1);
  const table = page.getByRole("table", { name: "Members" });
  await expect(table.getByText("Changes requested", { exact: true })).toHaveCount(expected.length);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const exported = csvRows(await readFile((await download.path())!, "utf8"));
  expect(exported.map((r) => r.email).sort()).toEqual(expected.sort());
  expect(exported.every((r) => r.kyc_status === "changes_requested" && r.country === "ID")).toBe(true);

  // Sorting by name: the company ("Merlion…") comes before the people ("Person…").
  await page.goto(`${tenant.home}/members?sort=name`);
  await expect(rowsOf(page).nth(1)).toContainText(SEEDED_COMPANY.companyName);

  // Malformed filters are ignored; the page still answers.
  const response = await page.goto(`${tenant.home}/members?type=robot&after=%25&country=%00&sort=x`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText(`50 shown of ${SEEDED_PEOPLE + 1} members`)).toBeVisible();
});

test("a member's page: header, and every tab renders from our database", async ({ page, tenant }) => {
  const { companyId } = await withMembers(tenant);
  await signInAs(page.context(), tenant.operator);
  await page.goto(`${tenant.home}/members?q=merlion`);
  await page.getByRole("link", { name: SEEDED_COMPANY.companyName }).click();
  const home = `${tenant.home}/members/${companyId}`;
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  await expect(page.getByRole("heading", { level: 1, name: SEEDED_COMPANY.companyName })).toBeVisible();
  await expect(page.getByText(SEEDED_COMPANY.reason)).toBeVisible();
  await expect(page.getByText("Proof of address (document)")).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Member sections" });
  await expect(tabs.getByRole("link", { name: "Profile" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Sign-in" })).toHaveAttribute("href", `${home}/access`);

  // Profile: the account and the personal step, which Wallex has.
  await expect(page.getByText("1 Raffles Place")).toBeVisible();
  await expect(page.getByText("Singapore (SG)").first()).toBeVisible();

  await tabs.getByRole("link", { name: "Company" }).click();
  await expect(page).toHaveURL(`${home}/company`);
  await expect(page.getByText("201912345K")).toBeVisible();
  await expect(page.getByText("At Wallex", { exact: true })).toBeVisible();

  await tabs.getByRole("link", { name: "Due diligence" }).click();
  await expect(page.getByText("Business revenue")).toBeVisible();
  await expect(page.getByText("Not yet at Wallex")).toBeVisible();

  await tabs.getByRole("link", { name: "Documents" }).click();
  await expect(page.getByRole("link", { name: "Proof of address" })).toHaveAttribute(
    "href",
    `${tenant.home}/records/document/${SEEDED_COMPANY.documentId}`,
  );
  await expect(page.getByText("utility-bill.pdf")).toBeVisible();

  await tabs.getByRole("link", { name: "Timeline" }).click();
  const timeline = page.getByRole("list", { name: "Member timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(2);
  await expect(timeline.getByRole("listitem").first()).toContainText("document needs resubmission");
  await expect(timeline.getByRole("listitem").last()).toContainText("member.created");

  await tabs.getByRole("link", { name: "Activity" }).click();
  await page.getByRole("link", { name: `Payment ${SEEDED_COMPANY.paymentId}` }).click();
  await expect(page).toHaveURL(`${tenant.home}/records/payment/${SEEDED_COMPANY.paymentId}`);

  // A person has no company tab, and its URL is a 404.
  await page.goto(`${tenant.home}/members?q=person00`);
  await page.getByRole("link", { name: "Person 00" }).click();
  await expect(page.getByRole("navigation", { name: "Member sections" }).getByRole("link")).toHaveText([
    "Profile",
    "Due diligence",
    "Documents",
    "Timeline",
    "Activity",
    "Sign-in",
  ]);
  const personUrl = page.url();
  expect((await page.goto(`${personUrl}/company`))?.status()).toBe(404);
});

test("a viewer sees the list but no New member; an empty list offers it to an operator", async ({
  page,
  tenant,
  neighbour,
}) => {
  await withMembers(tenant);
  await signInAs(page.context(), tenant.viewer);
  await page.goto(`${tenant.home}/members`);
  await expect(rowsOf(page)).toHaveCount(51);
  await expect(page.getByRole("link", { name: "New member" })).toHaveCount(0);

  await page.context().clearCookies();
  await signInAs(page.context(), neighbour.operator);
  await page.goto(`${neighbour.home}/members`);
  await expect(page.getByRole("heading", { name: "No members yet" })).toBeVisible();
  const links = page.getByRole("link", { name: "New member" });
  await expect(links).toHaveCount(2); // the header's and the empty state's
  await expect(links.last()).toHaveAttribute("href", `${neighbour.home}/members/new`);
});

test("another partner's member, an unknown id or a malformed one: a 404", async ({ page, tenant, neighbour }) => {
  const { companyId } = await withMembers(tenant);
  await signInAs(page.context(), neighbour.admin);
  for (const path of ["", "/company", "/timeline", "/activity"]) {
    expect((await page.goto(`${neighbour.home}/members/${companyId}${path}`))?.status(), path).toBe(404);
  }
  expect((await page.goto(`${neighbour.home}/members/${crypto.randomUUID()}`))?.status()).toBe(404);
  expect((await page.goto(`${neighbour.home}/members/${"-".repeat(36)}`))?.status()).toBe(404);
  // And the other partner's list itself.
  expect((await page.goto(`${tenant.home}/members`))?.status()).toBe(404);
});

test("axe on the list and every tab, at 390 and 1920 px", async ({ page, tenant }) => {
  test.setTimeout(120_000);
  const { companyId } = await withMembers(tenant);
  await signInAs(page.context(), tenant.admin);
  const home = `${tenant.home}/members/${companyId}`;
  const pages = [
    `${tenant.home}/members`,
    `${tenant.home}/members?q=nobody`,
    home,
    `${home}/company`,
    `${home}/due-diligence`,
    `${home}/documents`,
    `${home}/timeline`,
    `${home}/activity`,
  ];
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, `${path} at ${viewport.width}px`);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect
        .soft(scrollWidth, `${path} at ${viewport.width}px is wider than the window`)
        .toBeLessThanOrEqual(innerWidth);
    }
  }
});
