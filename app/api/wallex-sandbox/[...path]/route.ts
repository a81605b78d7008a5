import { getEmbeddedSandbox } from "@/lib/wallex/embedded-sandbox";

// The embedded Wallex sandbox: every method and path under /api/wallex-sandbox goes to its fetch handler.
export const dynamic = "force-dynamic";

async function handle(request: Request) {
  const sandbox = await getEmbeddedSandbox();
  return sandbox.fetch(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
