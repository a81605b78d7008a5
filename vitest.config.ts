import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  // tsconfig keeps JSX for Next; the few component tests (react-dom/server) need it compiled.
  oxc: { jsx: { runtime: "automatic" } },
  resolve: { alias: { "@": root, "server-only": `${root}lib/testing/server-only-stub.ts` } },
  test: {
    include: ["{lib,db,app,components,lint}/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-env.ts"],
    testTimeout: 20_000,
    // No retry: tests of waiting (rate limits, retries, timeouts) run on virtual time or judge by
    // counts, so a loaded machine cannot fail them (lib/wallex/client/test/virtual-time.ts).
    hookTimeout: 60_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
  },
});
