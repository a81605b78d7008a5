import { expect, test } from "vitest";
import { reachableFrom } from "@/lib/testing/static-imports";

// Measured with esbuild's metafile, static imports only: 167 project modules (57 of the sandbox)
// before the webhook URL had its own module and the sandbox was loaded on first use; 112 (none) after.
test("the Settings page, its forms and their actions load no part of the sandbox", () => {
  const reached = reachableFrom("app/(staff)/p/[partnerSlug]/settings/page.tsx", { types: false });
  expect(reached).toContain("lib/actions/settings/save-wallex-connection.ts"); // the walk follows the forms' actions
  expect(reached).toContain("lib/wallex/inbox/intake-address.ts");
  expect(reached.filter((f) => f.startsWith("lib/wallex/sandbox/") || f === "lib/wallex/embedded-sandbox.ts")).toEqual(
    [],
  );
});
