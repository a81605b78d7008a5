import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded";

let embedded: EmbeddedDatabase;
beforeAll(async () => {
  embedded = await startEmbeddedDatabase();
});
afterAll(() => embedded.stop());

test("connections working at once (a transaction, inserts, selects) never get each other's statements", async () => {
  // As in the app: its pool, pg-boss and the embedded sandbox each hold a connection to the one PGlite.
  const pools = Array.from({ length: 3 }, () => new pg.Pool({ connectionString: embedded.url, max: 1 }));
  await pools[0].query(
    "create table events (id serial primary key, a text, b jsonb, c text, d text, e text, f text, g text, h text, i text)",
  );
  const errors: string[] = [];
  const work = pools.flatMap((pool, p) =>
    Array.from({ length: 40 }, async (_, i) => {
      try {
        if (p === 0) {
          const client = await pool.connect();
          await client.query("begin");
          await client.query(
            "insert into events (a, b, c, d, e, f, g, h, i) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            ["tx", JSON.stringify({ padding: "y".repeat(3000) }), "c", "d", "e", "f", "g", "h", "i"],
          );
          await client.query("commit");
          client.release();
        } else if (p === 1) {
          await pool.query("insert into events (a, b) values ($1, $2)", ["plain", JSON.stringify({ i })]);
        } else {
          const { rows } = await pool.query("select $1::text || $2::text || $3::text as joined", ["a", "b", String(i)]);
          expect(rows[0].joined).toBe(`ab${i}`);
        }
      } catch (error) {
        errors.push((error as Error).message);
      }
    }),
  );
  await Promise.all(work);
  await Promise.all(pools.map((pool) => pool.end()));
  expect(errors).toEqual([]);
});
