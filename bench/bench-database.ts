/**
 * A throwaway database for a benchmark on DATABASE_URL's server, with the environment the app's
 * modules read: set before they are imported, so the benchmark imports them afterwards. Dropped
 * once, also on Ctrl-C; `release` takes the signal handlers off again.
 */
export async function openBenchDatabase() {
  process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
  process.env.LOG_LEVEL ??= "silent";
  process.env.AUTH_SECRET ??= "bench-auth-secret-bench-auth-secret-0123456789";
  const { generateKeySpec } = await import("@/lib/crypto/secrets");
  process.env.ENCRYPTION_KEYS ??= generateKeySpec("bench");
  const { createTestDatabase } = await import("@/lib/testing/test-database");
  const database = await createTestDatabase("partner_desk_bench");
  let dropping: Promise<void> | undefined;
  const drop = () => (dropping ??= database.drop());
  const onSignal = () => void drop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const { setEnv } = await import("@/lib/env");
  setEnv("DATABASE_URL", database.url); // before the first getDb(), which reads it once
  const release = () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  return { url: database.url, drop, release };
}
