import "server-only";
import type { Database } from "@/db";
import type { StaffScope } from "@/lib/auth/scope";
import { lockPartnerMail, markPartnerMailOpened } from "@/lib/data/mail-outbox";
import { redactedBody } from "./outbox";

/**
 * Opens one captured mail of the partner's dev mailbox. Showing it is its delivery: the first
 * opening returns the mail as written, links included, and marks it delivered with its links
 * removed from the stored body; later openings show it without them. Null when it is not theirs.
 */
export async function openCapturedMail(db: Database, scope: StaffScope, id: string) {
  return db.transaction(async (tx) => {
    const mail = await lockPartnerMail(tx, scope, id);
    if (!mail) return null;
    if (mail.status === "captured" && mail.sentAt === null) {
      await markPartnerMailOpened(tx, scope, mail.id, redactedBody(mail));
    }
    return mail;
  });
}
