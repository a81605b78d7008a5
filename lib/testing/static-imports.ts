import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

/**
 * The project files a module reaches through its static imports and re-exports (packages are not
 * followed; `await import()` is not a static import). With `types: false`, `import type` lines
 * are skipped too: they load nothing at run time.
 */
export function reachableFrom(start: string, { types = true } = {}) {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [statement, spec] of readFileSync(file, "utf8").matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']/g,
    )) {
      if (!types && /^\s*(?:import|export)\s+type\b/.test(statement)) continue;
      const base = spec.startsWith("@/")
        ? join(ROOT, spec.slice(2))
        : spec.startsWith(".")
          ? resolve(dirname(file), spec)
          : null;
      const target = base && [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((f) => existsSync(f));
      if (target) visit(target);
    }
  };
  visit(join(ROOT, start));
  return [...seen].map((f) => relative(ROOT, f));
}
