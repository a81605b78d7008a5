import { afterAll, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { auditEvents, partners } from "@/db/schema";
import { connectTestDb } from "@/lib/testing/test-db";

const { db, pool } = connectTestDb();
afterAll(() => pool.end());

const appendOnly = { cause: { message: "audit_events is append-only" } };

test("migrations make the audit log append-only", async () => {
  const [partner] = await db
    .insert(partners)
    .values({ slug: `p-${Date.now()}`, name: "P" })
    .returning();
  await db.insert(auditEvents).values({
    partnerId: partner.id,
    seq: 1,
    action: "test",
    createdAt: new Date(),
    prevHash: "0",
    hash: "1",
  });
  await expect(
    db.execute(sql`update audit_events set action = 'x' where partner_id = ${partner.id}`),
  ).rejects.toMatchObject(appendOnly);
  await expect(db.execute(sql`delete from audit_events where partner_id = ${partner.id}`)).rejects.toMatchObject(
    appendOnly,
  );
});
