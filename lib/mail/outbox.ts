import "server-only";
import { asc, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Database, Executor } from "@/db";
import { mailOutbox } from "@/db/schema";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { redactLinks } from "./redact";

/** `partnerId` names the tenant the mail belongs to (null for mail about a person's own account). */
export type MailMessage = { to: string; subject: string; text: string; html?: string; partnerId?: string | null };

export function smtpConfigured() {
  return !!env().SMTP_URL;
}

/**
 * Every mail goes through here. It is written to the outbox inside the caller's transaction, so a
 * rolled-back mutation sends nothing; with SMTP it is "queued" and `deliverQueuedMail` sends it
 * after the commit, otherwise it stays "captured" for the dev mailbox.
 */
export async function enqueueMail(db: Executor, message: MailMessage) {
  const [row] = await db
    .insert(mailOutbox)
    .values({ ...message, status: smtpConfigured() ? "queued" : "captured" })
    .returning({ id: mailOutbox.id });
  return row.id;
}

/**
 * Sends queued mail; SKIP LOCKED lets several instances drain the outbox without double-sending.
 * Once a mail is sent, or has failed for good, its stored body loses its links: the invitation
 * table keeps only a hash of the secret, and the outbox must not keep the link either.
 */
export async function deliverQueuedMail(db: Database, limit = 20) {
  if (!smtpConfigured()) return 0;
  const transport = nodemailer.createTransport(env().SMTP_URL!);
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const delivered = await db.transaction(async (tx) => {
      const [mail] = await tx
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.status, "queued"))
        .orderBy(asc(mailOutbox.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!mail) return false;
      try {
        await transport.sendMail({
          from: env().MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html ?? undefined,
        });
        await tx
          .update(mailOutbox)
          .set({ status: "sent", sentAt: new Date(), ...redactedBody(mail) })
          .where(eq(mailOutbox.id, mail.id));
      } catch (error) {
        logger.warn({ err: error, mailId: mail.id }, "mail delivery failed");
        // A failed invitation is sent again with a new link (Resend), so this one need not be kept.
        await tx
          .update(mailOutbox)
          .set({ status: "failed", error: String(error).slice(0, 500), ...redactedBody(mail) })
          .where(eq(mailOutbox.id, mail.id));
      }
      return true;
    });
    if (!delivered) break;
    sent += 1;
  }
  return sent;
}

export function redactedBody(mail: { text: string; html: string | null }) {
  return { text: redactLinks(mail.text), html: mail.html === null ? null : redactLinks(mail.html) };
}
