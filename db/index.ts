import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { env } from "@/lib/env";
import { isEmbeddedUrl } from "./embedded-url";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: data functions accept both. */
export type Executor = Database | Transaction;

type Connection = { db: Database; pool: pg.Pool };
const globalForDb = globalThis as unknown as { partnerDeskDb?: Connection };

// numeric stays a string (decimal.js does the arithmetic); timestamps stay Dates.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => value);

export function createDatabase(url: string): Connection {
  const pool = new pg.Pool({
    connectionString: url,
    max: isEmbeddedUrl(url) ? 1 : 10,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", () => {}); // an idle client dropped by the server must not crash the process
  return { db: drizzle(pool, { schema, casing: "snake_case" }), pool };
}

/** The app's one connection factory. `npm start` sets DATABASE_URL (to an embedded PGlite if needed). */
export function getDb(): Database {
  return getConnection().db;
}

export function getPool(): pg.Pool {
  return getConnection().pool;
}

function getConnection(): Connection {
  if (!globalForDb.partnerDeskDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    globalForDb.partnerDeskDb = createDatabase(url);
  }
  return globalForDb.partnerDeskDb;
}
