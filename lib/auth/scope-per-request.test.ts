import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { createPartner, createStaff } from "@/lib/testing/factories";

const run = promisify(execFile);

// React's `cache` memoises only inside a server render, so this renders for real (React's server
// renderer under the react-server condition) in a child process: lib/testing/render-staff-scopes.ts.
test("a render looks the person's scope up once; the next render, and an action, see a role changed in between", async () => {
  const partner = await createPartner();
  const { user, membership } = await createStaff(partner, "operator");
  const args = { userId: user.id, email: user.email, partnerSlug: partner.slug, membershipId: membership.id };
  const { stdout } = await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/testing/render-staff-scopes.ts", JSON.stringify(args)],
    { env: process.env, timeout: 60_000 },
  );
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!);
  expect(result).toEqual({
    first: { seen: ["operator", "operator"], queries: 1 },
    second: { seen: ["compliance", "compliance"], queries: 1 },
    // An action runs outside any render: nothing is memoised there.
    outsideRender: { seen: ["compliance", "compliance"], queries: 2 },
  });
}, 90_000);
