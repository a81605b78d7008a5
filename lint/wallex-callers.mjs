// Which modules of lib/ call Wallex, read from the source so the lib/data boundary follows the code:
// the modules that send requests (the client's entry and request loop, the upload helper, the
// partner client), every module that imports one of them in any form (a module that is handed a
// WallexClient calls it), and every module that imports such a module for its values. Type-only
// imports of those carry no calls and do not spread. The client's errors, schemas and redaction are
// plain code and do not count.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const IMPORT = /\b(?:import|export)(\s+type)?\s+(?:[^;'"`]*?\sfrom\s*)?["']([^"']+)["']/g;
const SENDERS = [
  "lib/wallex/client/index.ts",
  "lib/wallex/client/request.ts",
  "lib/wallex/client/upload.ts",
  "lib/wallex/partner-client.ts",
];
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "testing" || name === "test" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(root, from, spec) {
  const base = spec.startsWith("@/")
    ? join(root, spec.slice(2))
    : spec.startsWith(".")
      ? resolve(dirname(from), spec)
      : null;
  if (!base) return null;
  for (const ext of EXTENSIONS) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}

/**
 * Repo-relative module ids (no extension, no /index) of the modules under lib/ that call Wallex.
 * `notCallers` (module ids) are taken as calling nothing, for a known violation being fixed elsewhere.
 */
export function wallexCallers(root, { notCallers = [] } = {}) {
  const files = sourceFiles(join(root, "lib"));
  const imports = new Map(
    files.map((file) => [
      file,
      [...readFileSync(file, "utf8").matchAll(IMPORT)]
        .map(([, type, spec]) => ({ typeOnly: Boolean(type), path: resolveImport(root, file, spec) }))
        .filter((i) => i.path),
    ]),
  );
  const senders = new Set(SENDERS.map((id) => join(root, id)));
  const isClient = (path) => senders.has(path);
  const excused = new Set(notCallers.map((id) => resolveImport(root, root, `@/${id}`)));
  const candidates = files.filter((f) => !excused.has(f));
  const callers = new Set(candidates.filter((f) => isClient(f) || imports.get(f).some((i) => isClient(i.path))));
  for (let grew = true; grew;) {
    grew = false;
    for (const file of candidates) {
      if (!callers.has(file) && imports.get(file).some((i) => !i.typeOnly && callers.has(i.path))) {
        callers.add(file);
        grew = true;
      }
    }
  }
  return [...callers]
    .map((f) =>
      relative(root, f)
        .replace(/\.tsx?$/, "")
        .replace(/\/index$/, ""),
    )
    .sort();
}
