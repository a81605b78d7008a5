import "server-only";
import type { Database, Transaction } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { memberActor, recordAudit, type AuditEntry } from "./record";

/** What an audit row says about one change; the action's name is the default `action`. */
export type AuditNote = {
  action?: string;
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  memberId?: string | null;
};

type Notes<T> = AuditNote | AuditNote[] | ((value: T) => AuditNote | AuditNote[]);

/**
 * Runs one database change and its audit rows in one short transaction: they commit together or
 * not at all. Work that calls Wallex holds no transaction across the call, so it calls Wallex
 * first and then hands its write here (`notes` may depend on what the write returned).
 */
export type Audited = <T>(write: (tx: Transaction) => Promise<T>, notes: Notes<T>) => Promise<T>;

/** Who and what every row of one run is signed with; a note may name another `action`. */
export type AuditSignature = Omit<AuditEntry, "target" | "before" | "after" | "memberId"> & { scope: TenantScope };

export function auditedAs(db: Database, { scope, ...signature }: AuditSignature): Audited {
  return (write, notes) =>
    db.transaction(async (tx) => {
      const value = await write(tx);
      const list = typeof notes === "function" ? notes(value) : notes;
      for (const note of Array.isArray(list) ? list : [list]) {
        await recordAudit(tx, scope, { ...signature, ...note, action: note.action ?? signature.action });
      }
      return value;
    });
}

/** For changes the server makes itself (start-up, seeding, tests): rows signed by the scope's job or user. */
export function auditedFor(db: Database, scope: TenantScope, action: string): Audited {
  const actor =
    scope.kind === "staff"
      ? { userId: scope.user.id, email: scope.user.email }
      : scope.kind === "member"
        ? memberActor(scope.member)
        : { userId: null, email: scope.kind === "job" ? `system (${scope.job})` : "system (webhook)" };
  return auditedAs(db, { scope, actor, action });
}
