import { beforeAll, beforeEach, expect, test, vi } from "vitest";
import { getDb } from "@/db";
import { members } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { createPartner, createStaff } from "@/lib/testing/factories";

// The session is the only stand-in: the route's scope, permission check and query run for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { GET } = await import("./route");

let partnerSlug = "";
let viewer: CurrentUser;
const get = (query = "", slug = partnerSlug) =>
  GET(new Request(`http://localhost/p/${slug}/members/export${query}`), {
    params: Promise.resolve({ partnerSlug: slug }),
  });
const rowsOf = async (response: Response) => {
  const [header, ...rows] = parseCsv(await response.text());
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
};

/** RFC 4180, enough to read our own export back: quoted cells, doubled quotes, newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== "," && c !== "\n" && c !== "\r")) {
      cell += c;
    } else if (c === ",") {
      endCell();
    } else if (c === "\n") {
      endCell();
      rows.push(row);
      row = [];
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

beforeAll(async () => {
  const partner = await createPartner();
  const { user, scope } = await createStaff(partner, "viewer");
  viewer = { id: user.id, email: user.email, name: user.name, sessionId: "s", hasTwoFactor: true };
  partnerSlug = scope.partnerSlug;
  const base = { partnerId: partner.id, signupKind: "full" as const, lastName: "Tan", countryCode: "SG" };
  await getDb()
    .insert(members)
    .values([
      // 1,200 people: more than one batch of the export.
      ...Array.from({ length: 1200 }, (_, i) => ({
        ...base,
        accountType: "individual" as const,
        firstName: `Person${i}`,
        email: `p${i}@export.test`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      })),
      {
        ...base,
        accountType: "company" as const,
        firstName: "Cora",
        companyName: '=HYPERLINK("http://evil.example","x")',
        email: "cora@export.test",
        stage: "submitted" as const,
        wallexStatus: "approved",
        missingFields: ["dateOfBirth", "document:passport"],
      },
    ]);
});

beforeEach(() => {
  session.user = viewer;
});

test("the export holds exactly the filtered rows, all pages of them, in the list's order", async () => {
  const everyone = await rowsOf(await get());
  expect(everyone).toHaveLength(1201);
  expect(new Set(everyone.map((r) => r.id)).size).toBe(1201);
  expect(everyone[0].first_name).toBe("Cora"); // newest first, as the list
  expect(everyone[1].first_name).toBe("Person1199");

  const companies = await rowsOf(await get("?type=company"));
  expect(companies.map((r) => r.first_name)).toEqual(["Cora"]);
  expect(companies[0]).toMatchObject({
    kyc_status: "approved",
    type: "company",
    missing: "dateOfBirth; document:passport",
  });

  const searched = await rowsOf(await get("?q=person11&sort=name"));
  expect(searched.map((r) => r.first_name)).toEqual(
    [
      "Person11",
      ...Array.from({ length: 100 }, (_, i) => `Person${1100 + i}`),
      ...Array.from({ length: 10 }, (_, i) => `Person${110 + i}`),
    ].sort(),
  );
  // The page's cursor is not a filter: an export always starts at the top.
  const cursor = Buffer.from(JSON.stringify(["created", "desc", "2026-01-01T00:00:00.000000Z", crypto.randomUUID()]));
  expect(await rowsOf(await get(`?after=${cursor.toString("base64url")}`))).toHaveLength(1201);
});

test("a cell that looks like a formula is exported as text", async () => {
  const text = await (await get("?type=company")).text();
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
});

test("malformed filters are ignored: a 200, never a 5xx", async () => {
  for (const query of [
    "?type=robot&country=%00&sort=x&dir=y&after=%25",
    "?q=" + "x".repeat(5000),
    "?status=a&status=b",
  ]) {
    const response = await get(query);
    expect(response.status, query).toBe(200);
    await response.text();
  }
});

test("no session is a 401; another partner's or an unknown partner's export is a 404", async () => {
  session.user = null;
  expect((await get()).status).toBe(401);
  session.user = viewer;
  const other = await createPartner();
  expect((await get("", other.slug)).status).toBe(404);
  expect((await get("", "no-such-partner")).status).toBe(404);
});
