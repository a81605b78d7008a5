import "server-only";
import nodemailer from "nodemailer";
import type { Database, Executor } from "@/db";
import type { TenantScope } from "@/lib/auth/tenant-scope";
import { claimNextQueuedMail, insertPersonalMail, insertTenantMail, settleClaimedMail } from "@/lib/data/mail-outbox";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { redactLinks } from "./redact";

/** `scope` names the tenant the mail belongs to (none for mail about a person's own account). */
export type MailMessage = { to: string; subject: string; text: string; html?: string; scope?: TenantScope };

export function smtpConfigured() {
  return !!env().SMTP_URL;
}

/**
 * Every mail goes through here. It is written to the outbox inside the caller's transaction, so a
 * rolled-back mutation sends nothing; with SMTP it is "queued" and `deliverQueuedMail` sends it
 * after the commit, otherwise it stays "captured" for the dev mailbox.
 */
export async function enqueueMail(db: Executor, { scope, ...message }: MailMessage) {
  const mail = { ...message, status: smtpConfigured() ? ("queued" as const) : ("captured" as const) };
  return scope ? insertTenantMail(db, scope, mail) : insertPersonalMail(db, mail);
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
      const mail = await claimNextQueuedMail(tx);
      if (!mail) return false;
      try {
        await transport.sendMail({
          from: env().MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html ?? undefined,
        });
        await settleClaimedMail(tx, mail.id, { status: "sent", sentAt: new Date(), ...redactedBody(mail) });
      } catch (error) {
        logger.warn({ err: error, mailId: mail.id }, "mail delivery failed");
        // A failed invitation is sent again with a new link (Resend), so this one need not be kept.
        await settleClaimedMail(tx, mail.id, {
          status: "failed",
          error: String(error).slice(0, 500),
          ...redactedBody(mail),
        });
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
