import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));

export type ImportGraph = { modules: string[]; packages: string[] };

/**
 * Every module an entry file loads, as a bundler sees it (esbuild's metafile, `react-server`
 * conditions as Next uses for route handlers): our own files and each package's files.
 */
export async function importGraphOf(entry: string): Promise<ImportGraph> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    logLevel: "silent",
    conditions: ["react-server"],
    alias: { "@": root, "server-only": `${root}lib/testing/server-only-stub.ts` },
    // Native add-ons and their loaders are loaded by Node, not bundled: count them as the package.
    external: ["pg-native", "*.node"],
  });
  const modules = Object.keys(result.metafile.inputs).sort();
  const packages = [...new Set(modules.flatMap((m) => packageOf(m) ?? []))].sort();
  return { modules, packages };
}

function packageOf(path: string) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match?.[1];
}
