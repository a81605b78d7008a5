import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const EMBEDDED_APP_NAME = "pglite-embedded";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * PGlite served over the PostgreSQL wire protocol on a loopback port, so that the app, the
 * migrator and the job queue all reach it with `pg`, exactly as they reach a real PostgreSQL.
 * PGlite is single-session: queries are queued, so callers keep their pools at one connection.
 * `dataDir` undefined means in memory.
 */
export async function startEmbeddedDatabase(dataDir?: string): Promise<EmbeddedDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 16 });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres?application_name=${EMBEDDED_APP_NAME}`;
  return {
    url,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** True when a connection string points at an embedded PGlite (which wants one connection). */
export function isEmbeddedUrl(url: string) {
  return url.includes(`application_name=${EMBEDDED_APP_NAME}`);
}
