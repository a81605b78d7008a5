import { createDatabase } from "@/db";
import { startEmbeddedDatabase } from "@/db/embedded";
import { env } from "@/lib/env";

/**
 * The database for a command-line task: DATABASE_URL, or the embedded PGlite in PGLITE_DIR (stop
 * the app first: PGlite serves one process at a time).
 */
export async function openCliDatabase() {
  const configured = env().DATABASE_URL;
  const embedded = configured ? undefined : await startEmbeddedDatabase(env().PGLITE_DIR);
  const { db, pool } = createDatabase(configured ?? embedded!.url);
  return {
    db,
    close: async () => {
      await pool.end();
      await embedded?.stop();
    },
  };
}
