import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Change, Doc, Kind, Persistence } from "./types";

/**
 * Records in an embedded PGlite directory: persistence for the standalone sandbox when no
 * PostgreSQL server is configured. Same table layout as the PostgreSQL store.
 */
export function pglitePersistence(dataDir: string): Persistence {
  let db: Promise<PGlite> | undefined;
  const open = () =>
    (db ??= (async () => {
      mkdirSync(dataDir, { recursive: true });
      const pg = await PGlite.create({ dataDir });
      await pg.exec(`CREATE TABLE IF NOT EXISTS records (
        kind text NOT NULL, id text NOT NULL, partner_id text NOT NULL, data jsonb NOT NULL, PRIMARY KEY (kind, id))`);
      return pg;
    })());

  return {
    async load() {
      const { rows } = await (await open()).query<{ kind: Kind; data: Doc }>("SELECT kind, data FROM records");
      return rows.map((r) => ({ kind: r.kind, doc: r.data }));
    },
    async commit(changes: Change[]) {
      if (!changes.length) return;
      await (
        await open()
      ).transaction(async (tx) => {
        for (const c of changes) {
          if (c.doc) {
            await tx.query(
              `INSERT INTO records (kind, id, partner_id, data) VALUES ($1, $2, $3, $4)
               ON CONFLICT (kind, id) DO UPDATE SET data = EXCLUDED.data, partner_id = EXCLUDED.partner_id`,
              [c.kind, c.id, c.partnerId, JSON.stringify(c.doc)],
            );
          } else {
            await tx.query("DELETE FROM records WHERE kind = $1 AND id = $2", [c.kind, c.id]);
          }
        }
      });
    },
    async clear(partnerId?: string) {
      const pg = await open();
      if (partnerId) await pg.query("DELETE FROM records WHERE partner_id = $1", [partnerId]);
      else await pg.query("DELETE FROM records");
    },
    async close() {
      if (db) await (await db).close();
    },
  };
}
