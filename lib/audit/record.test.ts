import { afterAll, expect, test } from "vitest";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { sql } from "drizzle-orm";
import { partners } from "@/db/schema";
import { connectTestDb } from "@/lib/testing/test-db";
import { recordAudit } from "./record";
import { verifyPartnerChain } from "./verify";

const { db, pool } = connectTestDb();
afterAll(() => pool.end());

async function newPartner() {
  const [partner] = await db
    .insert(partners)
    .values({ slug: `audit-${crypto.randomUUID()}`, name: "Audit Co" })
    .returning();
  return partner;
}

const actor = { userId: null, email: "system" };

test("concurrent writers build one unbroken chain", async () => {
  const partner = await newPartner();
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      recordAudit(db, mintJobScope(partner.id, "test"), {
        action: "test.concurrent",
        actor,
        after: { i, at: new Date() },
      }),
    ),
  );
  expect(await verifyPartnerChain(db, mintJobScope(partner.id, "test"))).toEqual({ ok: true, checked: 20 });
});

test("a row edited behind the app's back is reported as the first broken link", async () => {
  const partner = await newPartner();
  for (let i = 1; i <= 4; i++) {
    await recordAudit(db, mintJobScope(partner.id, "test"), { action: "test.step", actor, after: { i } });
  }
  // Tampering needs the append-only trigger out of the way, as an attacker with table access would do.
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`);
    await tx.execute(sql`update audit_events set after = '{"i": 99}' where partner_id = ${partner.id} and seq = 2`);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`);
  });
  const verdict = await verifyPartnerChain(db, mintJobScope(partner.id, "test"));
  expect(verdict).toMatchObject({ ok: false, brokenAt: { seq: 2 } });
});
