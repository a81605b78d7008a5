import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { mailOutbox } from "@/db/schema";
import { scopeWhere, type StaffScope } from "@/lib/auth/scope";
import { redactedBody } from "./outbox";

/**
 * Opens one captured mail of the partner's dev mailbox. Showing it is its delivery: the first
 * opening returns the mail as written, links included, and marks it delivered with its links
 * removed from the stored body; later openings show it without them. Null when it is not theirs.
 */
export async function openCapturedMail(db: Database, scope: StaffScope, id: string) {
  return db.transaction(async (tx) => {
    const [mail] = await tx
      .select()
      .from(mailOutbox)
      .where(and(scopeWhere(mailOutbox, scope), eq(mailOutbox.id, id)))
      .limit(1)
      .for("update");
    if (!mail) return null;
    if (mail.status === "captured" && mail.sentAt === null) {
      await tx
        .update(mailOutbox)
        .set({ sentAt: new Date(), ...redactedBody(mail) })
        .where(and(eq(mailOutbox.id, mail.id), isNull(mailOutbox.sentAt)));
    }
    return mail;
  });
}
