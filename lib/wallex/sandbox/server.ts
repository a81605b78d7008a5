/**
 * Standalone sandbox: `npm run sandbox`. The only sandbox file that reads the environment.
 * WALLEX_SANDBOX_PORT (default 4010), WALLEX_SANDBOX_HOST (default 127.0.0.1),
 * WALLEX_SANDBOX_DATABASE_URL or DATABASE_URL (PostgreSQL, schema WALLEX_SANDBOX_SCHEMA, default
 * wallex_sandbox_standalone so it never shares the embedded sandbox's schema); without either, an
 * embedded PGlite in WALLEX_SANDBOX_DATA_DIR (default .data/wallex-sandbox);
 * WALLEX_SANDBOX_DATABASE_URL=memory keeps nothing.
 * WALLEX_SANDBOX_API_KEY / _ACCESS_KEY_ID / _SECRET_ACCESS_KEY (demo partner credentials),
 * WALLEX_SANDBOX_RATE_LIMIT ("off" or requests per second), WALLEX_SANDBOX_AUTO_PROGRESS ("off"),
 * WALLEX_SANDBOX_STRICT_LISTS ("on": README D28 strict mode for the long value lists).
 */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createWallexSandbox, DEMO_PARTNER, type SandboxOptions, type StoreOption } from "./index";

export async function startStandalone(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<SandboxOptions> = {},
) {
  const rate = env.WALLEX_SANDBOX_RATE_LIMIT;
  const sandbox = await createWallexSandbox({
    partners: [
      {
        ...DEMO_PARTNER,
        apiKey: env.WALLEX_SANDBOX_API_KEY || DEMO_PARTNER.apiKey,
        accessKeyId: env.WALLEX_SANDBOX_ACCESS_KEY_ID || DEMO_PARTNER.accessKeyId,
        secretAccessKey: env.WALLEX_SANDBOX_SECRET_ACCESS_KEY || DEMO_PARTNER.secretAccessKey,
      },
    ],
    store: storeFrom(env),
    rateLimit: rate === "off" ? false : rate ? { perSecond: Number(rate) } : undefined,
    autoProgress: env.WALLEX_SANDBOX_AUTO_PROGRESS !== "off",
    strictLists: env.WALLEX_SANDBOX_STRICT_LISTS === "on",
    ...overrides,
  });
  const port = Number(env.WALLEX_SANDBOX_PORT || 4010);
  const hostname = env.WALLEX_SANDBOX_HOST || "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: sandbox.fetch, port, hostname }, () => resolve(s));
  });
  const address = server.address() as AddressInfo;
  const url = `http://${hostname}:${address.port}`;
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sandbox.close();
  };
  return { url, port: address.port, sandbox, stop };
}

function storeFrom(env: Record<string, string | undefined>): StoreOption {
  const url = env.WALLEX_SANDBOX_DATABASE_URL || env.DATABASE_URL;
  if (url === "memory") return { kind: "memory" };
  if (url)
    return {
      kind: "postgres",
      connectionString: url,
      schema: env.WALLEX_SANDBOX_SCHEMA || "wallex_sandbox_standalone",
    };
  return { kind: "pglite", dataDir: env.WALLEX_SANDBOX_DATA_DIR || ".data/wallex-sandbox" };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  startStandalone()
    .then(({ url, stop }) => {
      console.log(`Wallex sandbox listening on ${url} (helpers: ${url}/_sandbox)`);
      const shutdown = () => void stop().then(() => process.exit(0));
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
