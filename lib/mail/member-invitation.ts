import type { MemberLocale } from "@/db/schema";
import type { MailMessage } from "./outbox";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

type Words = {
  subject: (partner: string) => string;
  greeting: (name: string) => string;
  opened: (partner: string) => string;
  action: string;
  expiry: (when: string) => string;
  ignore: string;
};

/** The member's language: English or Bahasa Indonesia. */
const WORDS: Record<MemberLocale, Words> = {
  en: {
    subject: (partner) => `${partner}: finish opening your Wallex account`,
    greeting: (name) => `Hello ${name},`,
    opened: (partner) =>
      `${partner} has started a Wallex account for you. Open the link below to set your password and complete your details.`,
    action: "Set up your account",
    expiry: (when) => `The link works once and expires on ${when}.`,
    ignore: "If you did not expect this email, you can ignore it.",
  },
  id: {
    subject: (partner) => `${partner}: selesaikan pembukaan akun Wallex Anda`,
    greeting: (name) => `Halo ${name},`,
    opened: (partner) =>
      `${partner} telah memulai pembukaan akun Wallex untuk Anda. Buka tautan di bawah ini untuk membuat kata sandi dan melengkapi data Anda.`,
    action: "Siapkan akun Anda",
    expiry: (when) => `Tautan ini hanya dapat digunakan sekali dan berlaku hingga ${when}.`,
    ignore: "Jika Anda tidak merasa meminta email ini, abaikan saja.",
  },
};

const DATE_LOCALE: Record<MemberLocale, string> = { en: "en-GB", id: "id-ID" };

export function formatInvitationExpiry(at: Date, locale: MemberLocale) {
  const formatted = new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(at);
  return `${formatted} UTC`;
}

/** The member's invitation to the member portal, in the member's language (subject and body). */
export function memberInvitationMail(opts: {
  to: string;
  locale: MemberLocale;
  partnerName: string;
  firstName: string;
  url: string;
  expiresAt: Date;
}): MailMessage {
  const words = WORDS[opts.locale] ?? WORDS.en;
  const expires = formatInvitationExpiry(opts.expiresAt, opts.locale);
  const text = [
    words.greeting(opts.firstName),
    "",
    words.opened(opts.partnerName),
    "",
    `${words.action}: ${opts.url}`,
    "",
    words.expiry(expires),
    words.ignore,
  ].join("\n");
  const html = `<p>${escapeHtml(words.greeting(opts.firstName))}</p>
<p>${escapeHtml(words.opened(opts.partnerName))}</p>
<p><a href="${escapeHtml(opts.url)}">${escapeHtml(words.action)}</a></p>
<p style="color:#71717a">${escapeHtml(words.expiry(expires))} ${escapeHtml(words.ignore)}</p>`;
  return { to: opts.to, subject: words.subject(opts.partnerName), text, html };
}
