import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { mailOutbox } from "@/db/schema";
import { scopeWhere, type TenantScope } from "@/lib/auth/tenant-scope";

type NewMail = { to: string; subject: string; text: string; html?: string; status: "captured" | "queued" };
type Settled = Partial<Pick<typeof mailOutbox.$inferInsert, "status" | "sentAt" | "error" | "text" | "html">>;

/** Mail that belongs to the partner (an invitation): its staff see it in their dev mailbox. */
export async function insertTenantMail(db: Executor, scope: TenantScope, mail: NewMail) {
  const [row] = await db
    .insert(mailOutbox)
    .values({ ...mail, partnerId: scope.partnerId })
    .returning({ id: mailOutbox.id });
  return row.id;
}

/** Not tenant data: mail about a person's own account belongs to no partner (partner_id null). */
export async function insertPersonalMail(db: Executor, mail: NewMail) {
  const [row] = await db.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
  return row.id;
}

/**
 * Not under a scope by design: the delivery worker drains one queue for every partner. The oldest
 * queued mail, locked for this transaction; SKIP LOCKED lets several instances drain side by side.
 */
export async function claimNextQueuedMail(tx: Executor) {
  const [mail] = await tx
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.status, "queued"))
    .orderBy(asc(mailOutbox.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });
  return mail;
}

/** Not under a scope by design: the worker settles the mail it claimed (by id) with claimNextQueuedMail. */
export async function settleClaimedMail(tx: Executor, mailId: string, settled: Settled) {
  await tx.update(mailOutbox).set(settled).where(eq(mailOutbox.id, mailId));
}

/** One of the partner's mails, locked until the transaction ends (opening it is its delivery). */
export async function lockPartnerMail(tx: Executor, scope: TenantScope, id: string) {
  const [mail] = await tx
    .select()
    .from(mailOutbox)
    .where(and(scopeWhere(mailOutbox, scope), eq(mailOutbox.id, id)))
    .limit(1)
    .for("update");
  return mail;
}

/** The first opening of a captured mail: delivered now, its stored body without links. */
export async function markPartnerMailOpened(
  tx: Executor,
  scope: TenantScope,
  id: string,
  redacted: { text: string; html: string | null },
) {
  await tx
    .update(mailOutbox)
    .set({ sentAt: new Date(), ...redacted })
    .where(and(scopeWhere(mailOutbox, scope), eq(mailOutbox.id, id), isNull(mailOutbox.sentAt)));
}
