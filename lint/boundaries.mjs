// The architecture's boundaries as lint rules (README, Architecture). One import rule
// (@typescript-eslint/no-restricted-imports, for allowTypeImports) carries every area's restrictions:
// in a flat config the last matching block sets a rule's options, so each area's block repeats the
// restrictions common to all app code. lint/boundaries.test.ts shows each one failing on a violation.
import { wallexCallers } from "./wallex-callers.mjs";

const RULE = "@typescript-eslint/no-restricted-imports";
const APP_CODE = ["app/**", "components/**", "lib/**", "db/**", "middleware.ts", "instrumentation.ts"].map((g) =>
  g.endsWith("**") ? `${g}/*.{ts,tsx}` : g,
);

/** From alias or relative specifiers, e.g. `@/db`, `../../db/schema`. */
const fromRoot = (path) => `^(?:@/|(?:\\./)?(?:\\.\\./)+)(?:${path})(?:/.*)?$`;

const ENV_MESSAGE = "Read configuration through env() in lib/env.ts, the only reader of process.env.";
const noProcessEnvImport = {
  paths: ["process", "node:process"].map((name) => ({ name, importNames: ["env"], message: ENV_MESSAGE })),
};

const sandboxIsALibrary = {
  paths: ["next", "next-auth", "server-only"].map((name) => ({
    name,
    message: "The sandbox is a library with a fetch handler: it imports nothing of the app, Next.js or auth.",
  })),
  patterns: [
    {
      regex: "^(?:@/|next/|next-auth/|@auth/)",
      message: "The sandbox is a library with a fetch handler: it imports nothing of the app, Next.js or auth.",
    },
  ],
};

/** Relative imports that climb out of lib/wallex/sandbox from a file `depth` folders below it. */
const sandboxStaysInside = (depth) => ({
  patterns: [
    {
      regex: `^(?:\\./)?(?:\\.\\./){${depth + 1},}`,
      message: "The sandbox imports nothing outside lib/wallex/sandbox; copy what it needs into it.",
    },
  ],
});

const componentsShowWhatTheyAreGiven = {
  patterns: [
    {
      regex: fromRoot("db|lib/wallex"),
      allowTypeImports: true,
      message:
        "Components render what pages hand them: no database or Wallex code (import type from a types module is fine).",
    },
  ],
};

const pagesReadTheMirror = {
  patterns: [
    {
      regex: fromRoot("lib/wallex/client|lib/wallex/partner-client"),
      allowTypeImports: true,
      message: "Pages read our mirror through lib/data; only services and jobs call Wallex.",
    },
  ],
};

/** Modules that call Wallex, as specifiers from lib/data (`@/lib/wallex/x`, `../wallex/x`). */
function dataNeverCallsWallex(callers) {
  const ids = callers.filter((id) => !id.startsWith("lib/data/")).map((id) => id.replace(/^lib\//, ""));
  const alternatives = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return {
    patterns: [
      {
        regex: `^(?:@/lib/|(?:\\.\\./)+(?:lib/)?)(?:${alternatives})(?:/index)?(?:\\.tsx?)?$`,
        allowTypeImports: true,
        message:
          "lib/data reads and writes our database only: this module calls Wallex (it holds the client, is handed one, or imports code that is). Call it from a service or job; import type is fine.",
      },
    ],
  };
}

function restrict(...sets) {
  return [
    "error",
    {
      paths: sets.flatMap((s) => s.paths ?? []),
      patterns: sets.flatMap((s) => s.patterns ?? []),
    },
  ];
}

export function boundaries(root) {
  const callers = wallexCallers(root);
  const sandboxDepths = [0, 1, 2, 3, 4].map((depth) => ({
    files: [`lib/wallex/sandbox/${"*/".repeat(depth)}*.{ts,tsx}`],
    rules: { [RULE]: restrict(noProcessEnvImport, sandboxIsALibrary, sandboxStaysInside(depth)) },
  }));
  return [
    {
      files: APP_CODE,
      rules: {
        [RULE]: restrict(noProcessEnvImport),
        "no-restricted-properties": ["error", { object: "process", property: "env", message: ENV_MESSAGE }],
        "no-restricted-syntax": [
          "error",
          { selector: "MemberExpression[object.property.name='process'][property.name='env']", message: ENV_MESSAGE },
        ],
      },
    },
    ...sandboxDepths,
    {
      files: ["components/**/*.{ts,tsx}"],
      rules: { [RULE]: restrict(noProcessEnvImport, componentsShowWhatTheyAreGiven) },
    },
    {
      files: ["app/**/page.tsx", "app/**/layout.tsx"],
      rules: { [RULE]: restrict(noProcessEnvImport, pagesReadTheMirror) },
    },
    // Tests may set up state with anything; the rule is about what the data layer's own code loads.
    {
      files: ["lib/data/**/*.{ts,tsx}"],
      ignores: ["**/*.test.{ts,tsx}"],
      rules: { [RULE]: restrict(noProcessEnvImport, dataNeverCallsWallex(callers)) },
    },
    // Where process.env may be read besides lib/env.ts: tests and the test harness set up their own
    // environment; the standalone sandbox (lib/wallex/sandbox/server.ts) is its own program and may
    // not import the app's env; instrumentation.ts branches on NEXT_RUNTIME, which Next inlines per
    // bundle (env() would pull zod into the edge bundle). e2e/, bench/ and the top-level config files
    // are not app code and are not checked.
    {
      files: [
        "**/*.test.{ts,tsx}",
        "lib/env.ts",
        "lib/testing/**/*.ts",
        "lib/wallex/sandbox/server.ts",
        "instrumentation.ts",
      ],
      rules: { "no-restricted-properties": "off", "no-restricted-syntax": "off" },
    },
  ];
}
