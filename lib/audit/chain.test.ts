import { describe, expect, test } from "vitest";
import { canonicalJson, GENESIS_HASH, hashAuditRow, verifyChain, type ChainedRow } from "./chain";

function buildChain(count: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const content = {
      partnerId: "p1",
      seq,
      actorUserId: "u1",
      actorEmail: "ada@example.com",
      memberId: null,
      action: "team.role_changed",
      targetType: "staff_membership",
      targetId: `m${seq}`,
      before: { role: "viewer" },
      after: { role: "operator", nested: { b: 1, a: [1, 2] } },
      requestId: `req-${seq}`,
      ip: "127.0.0.1",
      createdAt: new Date(1_700_000_000_000 + seq * 1000),
    };
    const hash = hashAuditRow(prevHash, content);
    rows.push({ ...content, id: `row-${seq}`, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

describe("audit hash chain", () => {
  test("an untouched chain verifies", () => {
    expect(verifyChain(buildChain(5))).toEqual({ ok: true, checked: 5 });
  });

  test("editing a row breaks the chain at that row", () => {
    const rows = buildChain(5);
    rows[2] = { ...rows[2], after: { role: "admin" } };
    const verdict = verifyChain(rows);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok)
      expect(verdict.brokenAt).toMatchObject({ seq: 3, id: "row-3", reason: expect.stringMatching(/edited/) });
  });

  test("deleting a row breaks the chain where it was", () => {
    const rows = buildChain(5);
    rows.splice(1, 1);
    const verdict = verifyChain(rows);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.brokenAt.seq).toBe(3);
  });

  test("recomputing an edited row's hash still breaks the next link", () => {
    const rows = buildChain(4);
    const edited = { ...rows[1], actorEmail: "mallory@example.com" };
    edited.hash = hashAuditRow(edited.prevHash, edited);
    rows[1] = edited;
    const verdict = verifyChain(rows);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.brokenAt).toMatchObject({ seq: 3, reason: expect.stringMatching(/prev_hash/) });
  });

  test("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
