/**
 * Run by lib/auth/scope-per-request.test.ts as a child process under `node --conditions=react-server
 * --import tsx`, where React's `cache` is the real per-render one: renders a layout and a page that
 * each look up the same person's scope, changes the person's role between two renders (as an
 * action would), and also looks it up twice outside any render (as an action does). Prints what
 * each saw and how many queries each took, as one JSON line.
 */
import { register } from "node:module";
import { createRequire } from "node:module";
import { Writable } from "node:stream";

// As in bench/mirror-pages.ts: Next's react-server layer serves `next/navigation` from its server build.
register(
  `data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) {
  return next(specifier === "next/navigation" ? "next/dist/api/navigation.react-server.js" : specifier, context);
}`)}`,
);

type Args = { userId: string; email: string; partnerSlug: string; membershipId: string };

async function main() {
  const args = JSON.parse(process.argv[2]) as Args;
  const { createElement } = await import("react");
  const { eq } = await import("drizzle-orm");
  const { getDb, getPool } = await import("@/db");
  const { staffMemberships } = await import("@/db/schema");
  const { findStaffScope, listMembershipsOfRequest } = await import("@/lib/auth/scope");
  const { renderToPipeableStream } = createRequire(import.meta.url)(
    "next/dist/compiled/react-server-dom-webpack/server.node",
  ) as {
    renderToPipeableStream: (node: unknown, config: unknown, options: unknown) => { pipe: (w: Writable) => void };
  };

  let queries = 0;
  getPool().on("acquire", () => queries++);
  const user = { id: args.userId, email: args.email, name: "Test", sessionId: "s", hasTwoFactor: true };
  const roleSeen = async () => {
    const found = await findStaffScope(user, args.partnerSlug);
    return "scope" in found ? found.scope.role : found.problem;
  };

  const render = async () => {
    const seen: string[] = [];
    async function Page() {
      seen.push(await roleSeen());
      return createElement("p", null, "page");
    }
    async function Layout() {
      seen.push(await roleSeen());
      return createElement("main", null, createElement(Page));
    }
    const before = queries;
    await new Promise<void>((resolve, reject) => {
      const { pipe } = renderToPipeableStream(createElement(Layout), {}, { onError: reject });
      pipe(new Writable({ write: (_chunk, _encoding, done) => done(), final: (done) => (resolve(), done()) }));
    });
    return { seen, queries: queries - before };
  };

  const first = await render();
  await getDb().update(staffMemberships).set({ role: "compliance" }).where(eq(staffMemberships.id, args.membershipId));
  const second = await render();
  const before = queries;
  const outside = [await roleSeen(), (await listMembershipsOfRequest(args.userId))[0]?.role];
  const outsideRender = { seen: outside, queries: queries - before };
  console.log(JSON.stringify({ first, second, outsideRender }));
  await getPool().end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
