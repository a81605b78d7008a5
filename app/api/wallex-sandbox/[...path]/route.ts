import { embeddedSandboxEnabled } from "@/lib/env";
import { EMBEDDED_SANDBOX_PATH } from "@/lib/wallex/demo";
import { getEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";
import { helperAccess } from "@/lib/wallex/embedded-sandbox-access";

// The embedded Wallex sandbox, only where WALLEX_SANDBOX_EMBEDDED=true (local demos, tests); a 404 everywhere else.
export const dynamic = "force-dynamic";

// Pre-signed upload and download URLs carry their own signature; every other /_sandbox path is a helper.
const STORAGE = `${EMBEDDED_SANDBOX_PATH}/_sandbox/storage/`;

/** Read the way the sandbox's router will read it (percent-decoded), erring towards "helper". */
function isHelperPath(pathname: string) {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return /(^|\/)_sandbox(\/|$)/i.test(path) && !(path.startsWith(STORAGE) && pathname.startsWith(STORAGE));
}

async function handle(request: Request) {
  if (!embeddedSandboxEnabled()) return Response.json({ message: "Not Found" }, { status: 404 });
  const sandbox = await getEmbeddedSandbox();
  const { pathname } = new URL(request.url);
  if (!isHelperPath(pathname) || request.method === "OPTIONS") return sandbox.fetch(request);
  const access = await helperAccess(request, sandbox);
  if ("status" in access) return Response.json({ message: access.message }, { status: access.status });
  return sandbox.fetch(access.request);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
