import { z } from "zod";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Where browsers and Wallex reach the app; unset = http://localhost:${PORT} (see withDefaults). */
  APP_URL: optional(z.url()),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(3000)),
  DATABASE_URL: optional(z.string().min(1)),
  PGLITE_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
  AUTH_SECRET: optional(z.string().min(32, "AUTH_SECRET must be at least 32 characters")),
  ENCRYPTION_KEYS: optional(z.string().min(1)),
  SMTP_URL: optional(z.url()),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().default("Partner Desk <no-reply@partnerdesk.local>")),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  /** Reverse proxies in front of the app; 0 means none, so X-Forwarded-For is never believed. */
  TRUSTED_PROXY_COUNT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  RUN_WORKER: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).default("true")),
  WALLEX_SANDBOX_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(4010)),
  /** The sandbox at /api/wallex-sandbox: "true" only for local demos and tests. Unset = off (the launcher turns it on for PGlite). */
  WALLEX_SANDBOX_EMBEDDED: optional(z.enum(["true", "false"])),
  /** Lets tests drive the embedded sandbox's /_sandbox helpers without a session (X-Sandbox-Helper-Token). */
  WALLEX_SANDBOX_HELPER_TOKEN: optional(
    z.string().min(32, "WALLEX_SANDBOX_HELPER_TOKEN must be at least 32 characters"),
  ),
  /** "true" seeds the demo tenant on start even with a DATABASE_URL (same as `npm start -- --demo`). */
  SEED_DEMO: optional(z.enum(["true", "false"])),
});

type Parsed = z.infer<typeof schema>;
export type Env = Omit<Parsed, "APP_URL"> & { APP_URL: string };

/** Defaults that depend on other variables: APP_URL follows PORT when it is not set. */
function withDefaults(parsed: Parsed): Env {
  return { ...parsed, APP_URL: parsed.APP_URL ?? `http://localhost:${parsed.PORT}` };
}

let cached: Env | undefined;

/** The only reader of process.env. Validated once, lazily, so that build steps need no secrets. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = withDefaults(parsed.data);
  return cached;
}

/** Whether this deployment serves the embedded Wallex sandbox (off unless WALLEX_SANDBOX_EMBEDDED=true). */
export function embeddedSandboxEnabled(): boolean {
  return env().WALLEX_SANDBOX_EMBEDDED === "true";
}

/** Writes a variable for this process and the processes it starts (used by the launcher only). */
export function setEnv(name: keyof Env, value: string) {
  (process.env as Record<string, string>)[name] = value;
  cached = undefined;
}
