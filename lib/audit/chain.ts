import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** What one audit row says; the hash covers all of it plus the previous row's hash. */
export type AuditContent = {
  partnerId: string;
  seq: number;
  actorUserId: string | null;
  actorEmail: string | null;
  memberId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  createdAt: Date;
};

export type ChainedRow = AuditContent & { id: string; prevHash: string; hash: string };

/** JSON with sorted keys, so that jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function hashAuditRow(prevHash: string, content: AuditContent): string {
  const { partnerId, seq, actorUserId, actorEmail, memberId, action, targetType, targetId } = content;
  const { before, after, requestId, ip, createdAt } = content;
  const body = canonicalJson({
    partnerId,
    seq,
    actorUserId,
    actorEmail,
    memberId,
    action,
    targetType,
    targetId,
    before,
    after,
    requestId,
    ip,
    createdAt,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

export type ChainVerdict =
  { ok: true; checked: number } | { ok: false; checked: number; brokenAt: { seq: number; id: string; reason: string } };

/** Walks one partner's rows in seq order and reports the first link that does not hold. */
export function verifyChain(rows: Iterable<ChainedRow>, start = { seq: 0, hash: GENESIS_HASH }): ChainVerdict {
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  let checked = 0;
  for (const row of rows) {
    const broken = (reason: string): ChainVerdict => ({
      ok: false,
      checked,
      brokenAt: { seq: row.seq, id: row.id, reason },
    });
    if (row.seq !== expectedSeq) return broken(`expected seq ${expectedSeq}, found ${row.seq} (a row is missing)`);
    if (row.prevHash !== prevHash) return broken("prev_hash does not match the previous row's hash");
    if (hashAuditRow(prevHash, row) !== row.hash) return broken("content does not match its hash (row edited)");
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked };
}
