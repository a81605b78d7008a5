import { asc } from "drizzle-orm";
import type { Database } from "@/db";
import { partners } from "@/db/schema";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { listAuditChainAfter } from "@/lib/data/audit-chain";
import { GENESIS_HASH, verifyChain, type ChainVerdict } from "./chain";

const BATCH = 1000;

/** Verifies one partner's chain in batches, so memory stays flat however long the log is. */
export async function verifyPartnerChain(db: Database, scope: TenantScope): Promise<ChainVerdict> {
  let cursor = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await listAuditChainAfter(db, scope, cursor.seq, BATCH);
    const verdict = verifyChain(rows, cursor);
    checked += verdict.checked;
    if (!verdict.ok) return { ...verdict, checked };
    if (rows.length < BATCH) return { ok: true, checked };
    const last = rows[rows.length - 1];
    cursor = { seq: last.seq, hash: last.hash };
  }
}

/** Every partner's chain (`npm run audit:verify`), each under a JobScope minted from the partners table. */
export async function verifyAllChains(db: Database) {
  const all = await db.select({ id: partners.id, slug: partners.slug }).from(partners).orderBy(asc(partners.slug));
  const results = [];
  for (const partner of all)
    results.push({ partner, verdict: await verifyPartnerChain(db, mintJobScope(partner.id, "audit-verify")) });
  return results;
}
