import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { mailOutbox } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/tenant-scope";

/** The partner's captured mail, newest first (the dev mailbox, while no SMTP server is configured). */
export async function listPartnerMail(
  db: Executor,
  scope: StaffScope,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const where = scopeWhere(mailOutbox, scope);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(mailOutbox)
      .where(where),
  ]);
  return { rows, total };
}

export async function getPartnerMail(db: Executor, scope: StaffScope, id: string) {
  const [row] = await db
    .select()
    .from(mailOutbox)
    .where(and(scopeWhere(mailOutbox, scope), eq(mailOutbox.id, id)))
    .limit(1);
  return row ?? null;
}
