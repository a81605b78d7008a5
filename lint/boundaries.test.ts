import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const BOUNDARY_RULES = ["@typescript-eslint/no-restricted-imports", "no-restricted-properties", "no-restricted-syntax"];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The boundary complaints ESLint makes about `code` as if it were the file at `path`. */
async function complaints(path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result.messages.filter((m) => BOUNDARY_RULES.includes(m.ruleId ?? "")).map((m) => m.message);
}

async function expectRejected(path: string, code: string, message: RegExp) {
  const found = await complaints(path, code);
  expect(found, `${path}: ${code}`).toHaveLength(1);
  expect(found[0]).toMatch(message);
}

async function expectAllowed(path: string, code: string) {
  expect(await complaints(path, code), `${path}: ${code}`).toEqual([]);
}

describe("the sandbox imports nothing of the app", () => {
  const app = /imports nothing of the app, Next\.js or auth/;
  const outside = /imports nothing outside lib\/wallex\/sandbox/;

  it.each([
    ["lib/wallex/sandbox/routes/x.ts", `import { getDb } from "@/db";`, app],
    ["lib/wallex/sandbox/x.ts", `import { requireStaff } from "@/lib/auth/scope";`, app],
    ["lib/wallex/sandbox/domain/x.ts", `import { env } from "@/lib/env";`, app],
    ["lib/wallex/sandbox/x.ts", `import { NextResponse } from "next/server";`, app],
    ["lib/wallex/sandbox/x.ts", `import NextAuth from "next-auth";`, app],
    ["lib/wallex/sandbox/fixtures/x.ts", `import { COUNTRIES } from "../../../countries";`, outside],
    ["lib/wallex/sandbox/x.ts", `import { logger } from "../../logger";`, outside],
    ["lib/wallex/sandbox/store/x.ts", `import { x } from "./../../client";`, outside],
  ])("%s: %s", async (path, code, message) => {
    await expectRejected(path, `${code}\nexport const used = [${code.match(/import \{? ?(\w+)/)![1]}];\n`, message);
  });

  it("imports within the sandbox and packages are fine", async () => {
    await expectAllowed(
      "lib/wallex/sandbox/routes/x.ts",
      `import { Hono } from "hono";\nimport { iso } from "../clock";\nexport const used = [Hono, iso];\n`,
    );
  });
});

describe("components render what they are handed", () => {
  const message = /Components render what pages hand them/;

  it.each([
    ["components/x/y.tsx", `import { getDb } from "@/db";`],
    ["components/x/y.tsx", `import { createWallexClient } from "@/lib/wallex/client";`],
    ["components/x/y.tsx", `import { RESOURCES } from "../../lib/wallex/mirror/resources";`],
    ["components/y.tsx", `import { partners } from "../db/schema";`],
  ])("%s: %s", async (path, code) => {
    await expectRejected(path, `${code}\nexport const used = [${code.match(/import \{ (\w+)/)![1]}];\n`, message);
  });

  it("type-only imports are fine", async () => {
    await expectAllowed(
      "components/x/y.tsx",
      `import type { AuditEvent } from "@/db/schema";\nimport type { WebhookAlarm } from "@/lib/wallex/inbox/alarm";\nexport type T = [AuditEvent, WebhookAlarm];\n`,
    );
  });
});

describe("pages and layouts never import the Wallex client", () => {
  const message = /Pages read our mirror through lib\/data/;

  it.each([
    ["app/(staff)/p/[partnerSlug]/x/page.tsx", `import { createWallexClient } from "@/lib/wallex/client";`],
    ["app/(staff)/p/[partnerSlug]/layout.tsx", `import { wallexClientFor } from "@/lib/wallex/partner-client";`],
    ["app/x/page.tsx", `import { call } from "@/lib/wallex/client/request";`],
  ])("%s: %s", async (path, code) => {
    await expectRejected(path, `${code}\nexport const used = [${code.match(/import \{ (\w+)/)![1]}];\n`, message);
  });

  it("the data layer and client types are fine", async () => {
    await expectAllowed(
      "app/x/page.tsx",
      `import { listApiCalls } from "@/lib/data/api-calls";\nimport type { WallexClient } from "@/lib/wallex/client";\nexport const used = listApiCalls;\nexport type T = WallexClient;\n`,
    );
  });
});

describe("lib/data never imports code that calls Wallex", () => {
  const message = /lib\/data reads and writes our database only/;

  it.each([
    ["lib/data/x.ts", `import { createWallexClient } from "@/lib/wallex/client";`],
    ["lib/data/x.ts", `import { wallexClientFor } from "../wallex/partner-client";`],
    ["lib/data/x.ts", `import { refreshObject } from "@/lib/wallex/mirror/refresh";`],
    // Asks for a client per partner.
    ["lib/data/x.ts", `import { reconcilePartners } from "@/lib/wallex/mirror/reconcile";`],
    // Two steps away from the client, through a service.
    ["lib/data/sub/x.ts", `import { refreshRecord } from "../../services/records";`],
  ])("%s: %s", async (path, code) => {
    await expectRejected(path, `${code}\nexport const used = [${code.match(/import \{ (\w+)/)![1]}];\n`, message);
  });

  it("plain modules and type-only imports are fine", async () => {
    await expectAllowed(
      "lib/data/x.ts",
      `import { applyToMirror } from "@/lib/wallex/mirror/store";\nimport { WallexApiError } from "@/lib/wallex/client/errors";\nimport type { WallexClient } from "@/lib/wallex/client";\nexport const used = [applyToMirror, WallexApiError];\nexport type T = WallexClient;\n`,
    );
  });
});

describe("only lib/env.ts reads process.env", () => {
  const message = /Read configuration through env\(\) in lib\/env\.ts/;

  it.each([
    ["lib/services/x.ts", `export const url = process.env.DATABASE_URL;`],
    ["app/x/page.tsx", `export const url = process.env["APP_URL"];`],
    ["components/x.tsx", `const { env } = process;\nexport const url = env.APP_URL;`],
    ["db/x.ts", `export const url = globalThis.process.env.DATABASE_URL;`],
    ["lib/wallex/sandbox/x.ts", `import { env } from "node:process";\nexport const port = env.PORT;`],
    ["middleware.ts", `export const url = process.env.APP_URL;`],
  ])("%s: %s", async (path, code) => {
    await expectRejected(path, code, message);
  });

  it.each([
    ["lib/env.ts", `export const all = process.env;`],
    ["lib/services/x.test.ts", `export const url = process.env.DATABASE_URL;`],
    ["lib/testing/x.ts", `process.env.LOG_LEVEL = "silent";`],
    ["e2e/x.ts", `export const port = process.env.E2E_PORT;`],
    ["bench/x.ts", `export const url = process.env.DATABASE_URL;`],
    ["lib/services/x.ts", `export const argv = process.argv;`],
  ])("allowed in %s: %s", async (path, code) => {
    await expectAllowed(path, code);
  });
});
