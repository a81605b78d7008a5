import pg from "pg";
import type { Change, Doc, Kind, Persistence } from "./types";

/**
 * Records in their own schema of a PostgreSQL database (real or PGlite behind a socket).
 * One connection: writes are already serialised by the engine, and PGlite is single-session.
 */
export function postgresPersistence(connectionString: string, schema = "wallex_sandbox"): Persistence {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({ connectionString, max: 1 });
  const table = `"${schema}"."records"`;
  let ready: Promise<void> | undefined;
  const init = () =>
    (ready ??= pool
      .query(
        `CREATE SCHEMA IF NOT EXISTS "${schema}";
         CREATE TABLE IF NOT EXISTS ${table} (
           kind text NOT NULL, id text NOT NULL, partner_id text NOT NULL, data jsonb NOT NULL,
           PRIMARY KEY (kind, id));`,
      )
      .then(() => undefined));

  return {
    async load() {
      await init();
      const { rows } = await pool.query(`SELECT kind, data FROM ${table}`);
      return rows.map((r: { kind: Kind; data: Doc }) => ({ kind: r.kind, doc: r.data }));
    },
    async commit(changes: Change[]) {
      if (!changes.length) return;
      await init();
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const c of changes) {
          if (c.doc) {
            await client.query(
              `INSERT INTO ${table} (kind, id, partner_id, data) VALUES ($1, $2, $3, $4)
               ON CONFLICT (kind, id) DO UPDATE SET data = EXCLUDED.data, partner_id = EXCLUDED.partner_id`,
              [c.kind, c.id, c.partnerId, JSON.stringify(c.doc)],
            );
          } else {
            await client.query(`DELETE FROM ${table} WHERE kind = $1 AND id = $2`, [c.kind, c.id]);
          }
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async clear(partnerId?: string) {
      await init();
      if (partnerId) await pool.query(`DELETE FROM ${table} WHERE partner_id = $1`, [partnerId]);
      else await pool.query(`DELETE FROM ${table}`);
    },
    async close() {
      await pool.end();
    },
  };
}
