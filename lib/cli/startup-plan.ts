import type { Env } from "@/lib/env";

export type StartupPlan = { sandbox: boolean; seedDemo: boolean; notes: string[] };
type Input = {
  argv: string[];
  databaseUrlConfigured: boolean;
  env: Pick<Env, "SEED_DEMO" | "WALLEX_SANDBOX_EMBEDDED">;
};

/**
 * What `npm start` turns on. Without DATABASE_URL (the local demo on PGlite) the embedded sandbox
 * is on and the demo tenant is seeded; against a real database neither happens unless asked
 * (`--demo` or SEED_DEMO=true, which also turn the sandbox on unless WALLEX_SANDBOX_EMBEDDED=false).
 */
export function startupPlan({ argv, databaseUrlConfigured, env }: Input): StartupPlan {
  const local = !databaseUrlConfigured;
  const asked = argv.includes("--demo") || env.SEED_DEMO === "true";
  const sandbox =
    env.WALLEX_SANDBOX_EMBEDDED === "true" || (env.WALLEX_SANDBOX_EMBEDDED === undefined && (local || asked));
  const wanted = asked || (local && env.SEED_DEMO !== "false");
  const notes: string[] = [];
  if (wanted && !sandbox)
    notes.push("The demo tenant needs the embedded sandbox, and WALLEX_SANDBOX_EMBEDDED=false: nothing was seeded.");
  return { sandbox, seedDemo: wanted && sandbox, notes };
}
