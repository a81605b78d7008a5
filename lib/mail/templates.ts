import type { MailMessage } from "./outbox";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function invitationMail(opts: {
  to: string;
  partnerName: string;
  inviterName: string;
  roleLabel: string;
  url: string;
  expiresAt: Date;
}): MailMessage {
  const expires = opts.expiresAt.toUTCString();
  const text = [
    `${opts.inviterName} invited you to join ${opts.partnerName} on Partner Desk as ${opts.roleLabel}.`,
    "",
    `Accept the invitation: ${opts.url}`,
    "",
    `The link works once and expires on ${expires}.`,
  ].join("\n");
  const html = `<p>${escapeHtml(opts.inviterName)} invited you to join <strong>${escapeHtml(opts.partnerName)}</strong> on Partner Desk as ${escapeHtml(opts.roleLabel)}.</p>
<p><a href="${escapeHtml(opts.url)}">Accept the invitation</a></p>
<p style="color:#71717a">The link works once and expires on ${escapeHtml(expires)}.</p>`;
  return { to: opts.to, subject: `Join ${opts.partnerName} on Partner Desk`, text, html };
}
