import { readFileSync } from "node:fs";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures/axe";
import { signInAsMember } from "./fixtures/members";
import { expect, test } from "./fixtures/test";
import { createWallexMember, sandboxOf } from "./fixtures/wallex-member";

test.use({ tenantOptions: { sandbox: "connected" } });

const PDF = readFileSync(new URL("./fixtures/files/identity.pdf", import.meta.url));
const PNG = readFileSync(new URL("./fixtures/files/address-proof.png", import.meta.url));

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

/** A PDF of `size` bytes: a real PDF with a long comment, so the bytes still say PDF. */
const bigPdf = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, "%")]);

test("a company member uploads, previews, replaces and deletes documents; bad files are refused at the field", async ({
  page,
  tenant,
  browser,
}) => {
  test.setTimeout(120_000);
  const member = await createWallexMember(tenant, { accountType: "company", countryCode: "ID" });
  const { client } = await sandboxOf(tenant);
  const documentsAtWallex = async () => (await client.users.listDocuments({ userId: member.wallexUserId })).data;
  await signInAsMember(page.context(), member);

  await page.goto(`${member.portal}/onboarding/documents`);
  await expect(page.getByRole("heading", { name: "Documents", level: 1 })).toBeVisible();
  const identity = page.getByTestId("document-slot-identity");
  const address = page.getByTestId("document-slot-proof_of_address");
  // Indonesia: KTP, family card or passport; a company also needs its two company papers.
  await expect(identity.getByLabel("Document type").locator("option")).toHaveText([
    "KTP (identity card)",
    "Family card (Kartu Keluarga)",
    "Passport",
  ]);
  for (const slot of ["identity", "proof_of_address", "company_proof", "company_address_proof"]) {
    await expect(page.getByTestId(`document-slot-${slot}`).getByTestId("document-state")).toHaveText("Missing");
  }
  await checkPage(page, "documents step");

  // Refused in the browser, at the field, before anything is sent.
  const file = identity.getByLabel("File");
  const upload = identity.getByRole("button", { name: "Upload", exact: true });
  await file.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(identity.getByTestId("file-error")).toHaveText(
    "This file type is not accepted. Upload a PDF, JPEG or PNG.",
  );
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await file.setInputFiles({ name: "huge.pdf", mimeType: "application/pdf", buffer: bigPdf(10 * 1024 * 1024 + 1) });
  await expect(identity.getByTestId("file-error")).toHaveText("This file is larger than 10 MB. Upload a smaller copy.");
  await upload.click();
  await expect(identity.getByTestId("file-error")).toHaveText("This file is larger than 10 MB. Upload a smaller copy.");
  await file.setInputFiles({ name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
  await expect(identity.getByTestId("file-error")).toHaveText("This file is empty. Choose the file again.");
  // A PNG renamed .pdf passes the browser's look at its name; the server reads the bytes.
  await file.setInputFiles({ name: "ktp.pdf", mimeType: "application/pdf", buffer: PNG });
  await expect(identity.getByTestId("file-error")).toHaveCount(0);
  await upload.click();
  await expect(identity.getByTestId("file-error")).toContainText("does not match its name");
  expect(await documentsAtWallex()).toEqual([]);

  // A real upload, slowed down so its progress shows.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 50,
    downloadThroughput: -1,
    uploadThroughput: 1024 * 1024,
  });
  await identity.getByLabel("Document type").selectOption({ label: "KTP (identity card)" });
  await file.setInputFiles({ name: "ktp.pdf", mimeType: "application/pdf", buffer: bigPdf(3 * 1024 * 1024) });
  await upload.click();
  const progress = identity.getByRole("progressbar");
  await expect(progress).toBeVisible();
  await expect(identity.getByText(/^Uploading ktp\.pdf: \d+%$/)).toBeVisible();
  await expect(identity.getByTestId("document-state")).toHaveText("Uploaded", { timeout: 30_000 });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect(page.getByRole("status").filter({ hasText: "ktp.pdf was uploaded." })).toBeVisible();
  const [ktp] = await documentsAtWallex();
  expect(ktp).toMatchObject({ documentType: "ktp", documentName: "ktp.pdf", status: "uploaded" });

  // Preview: the stored bytes, to the member only.
  const href = await identity.getByRole("link", { name: "Preview ktp.pdf (opens in a new tab)" }).getAttribute("href");
  const preview = await page.request.get(href!);
  expect(preview.status()).toBe(200);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await preview.body()).equals(bigPdf(3 * 1024 * 1024))).toBe(true);
  const anonymous = await playwrightRequest.newContext({ baseURL: new URL(page.url()).origin });
  // Nobody signed in: sent to the portal's sign-in (middleware), never the file.
  const unsigned = await anonymous.get(href!, { maxRedirects: 0 });
  expect(unsigned.status()).toBe(307);
  expect(unsigned.headers().location).toContain(`${member.portal}/sign-in`);
  await anonymous.dispose();
  const stranger = await browser.newContext();
  await signInAsMember(stranger, await createWallexMember(tenant));
  expect((await stranger.request.get(href!)).status()).toBe(404);
  await stranger.close();

  // Replace: the new file goes up, the old one is deleted at Wallex.
  await identity.getByRole("button", { name: "Replace" }).click();
  await identity.getByLabel("Document type").selectOption({ label: "Passport" });
  await identity
    .getByLabel("Upload the new file")
    .setInputFiles({ name: "passport.png", mimeType: "image/png", buffer: PNG });
  await identity.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(identity.getByText("passport.png")).toBeVisible();
  await expect(identity.getByTestId("document-state")).toHaveText("Uploaded");
  await expect.poll(async () => (await documentsAtWallex()).map((d) => d.documentType)).toEqual(["passport"]);

  await address.getByLabel("File").setInputFiles({ name: "bill.pdf", mimeType: "application/pdf", buffer: PDF });
  await address.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(address.getByTestId("document-state")).toHaveText("Uploaded");
  await checkPage(page, "documents step with uploads");

  // Delete, after confirming.
  await identity.getByRole("button", { name: "Delete" }).click();
  await identity.getByRole("group", { name: "Delete passport.png?" }).getByRole("button", { name: "Delete" }).click();
  await expect(identity.getByTestId("document-state")).toHaveText("Missing");
  await expect.poll(async () => (await documentsAtWallex()).map((d) => d.documentType)).toEqual(["utility_bill"]);

  // Kept after a reload: the page reads the mirror.
  await page.reload();
  await expect(address.getByText("bill.pdf")).toBeVisible();
  await expect(identity.getByTestId("document-state")).toHaveText("Missing");
});

test("the step speaks Bahasa Indonesia to an Indonesian-speaking member", async ({ page, tenant }) => {
  const member = await createWallexMember(tenant, { locale: "id", countryCode: "SG" });
  await signInAsMember(page.context(), member);
  await page.goto(`${member.portal}/onboarding/documents`);
  await expect(page.getByRole("heading", { name: "Dokumen", level: 1 })).toBeVisible();
  const identity = page.getByTestId("document-slot-identity");
  await expect(identity.getByLabel("Jenis dokumen").locator("option")).toHaveText([
    "NRIC",
    "Paspor",
    "Employment Pass",
    "S Pass",
    "Work Permit",
  ]);
  await identity
    .getByLabel("Berkas")
    .setInputFiles({ name: "nric.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
  await expect(identity.getByTestId("file-error")).toHaveText(
    "Jenis berkas ini tidak diterima. Unggah PDF, JPEG, atau PNG.",
  );
  await identity.getByLabel("Berkas").setInputFiles({ name: "nric.png", mimeType: "image/png", buffer: PNG });
  await identity.getByRole("button", { name: "Unggah" }).click();
  await expect(identity.getByTestId("document-state")).toHaveText("Terunggah");
  await checkPage(page, "documents step in Bahasa Indonesia");
});
