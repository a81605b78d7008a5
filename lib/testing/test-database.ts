import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database for one test run: a new database on DATABASE_URL's server (dropped
 * afterwards) or, without DATABASE_URL, an in-memory PGlite.
 */
export async function createTestDatabase(prefix = "partner_desk_test"): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase();
    await runMigrations(embedded.url);
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
