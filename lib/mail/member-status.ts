import type { MemberLocale, MemberStage } from "@/db/schema";
import type { MailMessage } from "./outbox";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * What changed for the member: Wallex's status of their account (users.md §2.1), or our own stage
 * of their onboarding (sent for review to the partner, changes asked for, submitted to Wallex).
 */
export type MemberStatusChange =
  | { kind: "wallex"; status: string }
  | { kind: "stage"; stage: Extract<MemberStage, "in_partner_review" | "changes_requested" | "submitted"> };

type Line = { subject: (partner: string) => string; what: (partner: string) => string; next: string; action: string };

type Words = {
  greeting: (name: string) => string;
  reason: string;
  lines: Record<string, Line>;
  other: (status: string) => Line;
  footer: (partner: string) => string;
};

/** Bahasa Indonesia in Wallex's own terms (pengajuan, dokumen, akun). */
const WORDS: Record<MemberLocale, Words> = {
  en: {
    greeting: (name) => `Hello ${name},`,
    reason: "What needs changing",
    lines: {
      in_partner_review: {
        subject: (p) => `${p}: your details are being reviewed`,
        what: (p) => `Thank you: your onboarding details have been sent to ${p} for review.`,
        next: "There is nothing to do for now. We will write again when the review is done.",
        action: "See your status",
      },
      changes_requested: {
        subject: (p) => `${p}: some details need changing`,
        what: (p) => `${p} has asked you to change some of your onboarding details or documents.`,
        next: "Open the portal, fix what is marked, and submit again.",
        action: "Make the changes",
      },
      submitted: {
        subject: (p) => `${p}: your application was sent to Wallex`,
        what: () => "Your onboarding details were sent to Wallex for its compliance review.",
        next: "There is nothing to do for now. We will write again when Wallex has decided.",
        action: "See your status",
      },
      pending_approval: {
        subject: (p) => `${p}: Wallex is reviewing your application`,
        what: () => "Wallex compliance is reviewing your application.",
        next: "There is nothing to do for now. We will write again when Wallex has decided.",
        action: "See your status",
      },
      approved: {
        subject: (p) => `${p}: your Wallex account is approved`,
        what: () => "Good news: Wallex has approved your account.",
        next: "Your account is ready to use.",
        action: "Open the portal",
      },
      document_needs_resubmission: {
        subject: (p) => `${p}: Wallex needs you to resubmit some details`,
        what: () => "Wallex reviewed your application and needs some details or documents sent again.",
        next: "Open the portal, fix what is marked, and submit again.",
        action: "Make the changes",
      },
    },
    other: (status) => ({
      subject: (p) => `${p}: your Wallex account status changed`,
      what: () => `The status of your Wallex account is now: ${status.replaceAll("_", " ")}.`,
      next: "Open the portal to see what it means for you.",
      action: "See your status",
    }),
    footer: (p) => `You receive this email because ${p} is opening a Wallex account for you.`,
  },
  id: {
    greeting: (name) => `Halo ${name},`,
    reason: "Yang perlu diperbaiki",
    lines: {
      in_partner_review: {
        subject: (p) => `${p}: data Anda sedang ditinjau`,
        what: (p) => `Terima kasih: data pendaftaran Anda telah dikirim ke ${p} untuk ditinjau.`,
        next: "Untuk saat ini tidak ada yang perlu dilakukan. Kami akan mengabari Anda setelah peninjauan selesai.",
        action: "Lihat status Anda",
      },
      changes_requested: {
        subject: (p) => `${p}: beberapa data perlu diubah`,
        what: (p) => `${p} meminta Anda mengubah beberapa data atau dokumen pendaftaran Anda.`,
        next: "Buka portal, perbaiki yang ditandai, lalu kirim kembali.",
        action: "Lakukan perubahan",
      },
      submitted: {
        subject: (p) => `${p}: pengajuan Anda telah dikirim ke Wallex`,
        what: () => "Data pendaftaran Anda telah dikirim ke Wallex untuk pemeriksaan kepatuhan.",
        next: "Untuk saat ini tidak ada yang perlu dilakukan. Kami akan mengabari Anda setelah Wallex memutuskan.",
        action: "Lihat status Anda",
      },
      pending_approval: {
        subject: (p) => `${p}: Wallex sedang memeriksa pengajuan Anda`,
        what: () => "Tim kepatuhan Wallex sedang memeriksa pengajuan Anda.",
        next: "Untuk saat ini tidak ada yang perlu dilakukan. Kami akan mengabari Anda setelah Wallex memutuskan.",
        action: "Lihat status Anda",
      },
      approved: {
        subject: (p) => `${p}: akun Wallex Anda telah disetujui`,
        what: () => "Kabar baik: Wallex telah menyetujui akun Anda.",
        next: "Akun Anda siap digunakan.",
        action: "Buka portal",
      },
      document_needs_resubmission: {
        subject: (p) => `${p}: Wallex meminta Anda mengirim ulang beberapa data`,
        what: () => "Wallex telah memeriksa pengajuan Anda dan meminta beberapa data atau dokumen dikirim ulang.",
        next: "Buka portal, perbaiki yang ditandai, lalu kirim kembali.",
        action: "Lakukan perubahan",
      },
    },
    other: (status) => ({
      subject: (p) => `${p}: status akun Wallex Anda berubah`,
      what: () => `Status akun Wallex Anda sekarang: ${status.replaceAll("_", " ")}.`,
      next: "Buka portal untuk melihat artinya bagi Anda.",
      action: "Lihat status Anda",
    }),
    footer: (p) => `Anda menerima email ini karena ${p} sedang membuka akun Wallex untuk Anda.`,
  },
};

const keyOf = (change: MemberStatusChange) =>
  change.kind === "stage" ? change.stage : change.status.toLowerCase().replace(/^documents_need_/, "document_needs_");

/** The email telling a member their status changed, what to do next, and the link to the portal, in their language. */
export function memberStatusMail(opts: {
  to: string;
  locale: MemberLocale;
  partnerName: string;
  firstName: string;
  change: MemberStatusChange;
  reason?: string | null;
  url: string;
}): MailMessage {
  const words = WORDS[opts.locale] ?? WORDS.en;
  const key = keyOf(opts.change);
  const line = words.lines[key] ?? words.other(key);
  const reason = opts.reason?.trim() || null;
  const text = [
    words.greeting(opts.firstName),
    "",
    line.what(opts.partnerName),
    ...(reason ? ["", `${words.reason}: ${reason}`] : []),
    "",
    line.next,
    "",
    `${line.action}: ${opts.url}`,
    "",
    words.footer(opts.partnerName),
  ].join("\n");
  const html = `<p>${escapeHtml(words.greeting(opts.firstName))}</p>
<p>${escapeHtml(line.what(opts.partnerName))}</p>
${reason ? `<p><strong>${escapeHtml(words.reason)}:</strong> ${escapeHtml(reason)}</p>\n` : ""}<p>${escapeHtml(line.next)}</p>
<p><a href="${escapeHtml(opts.url)}">${escapeHtml(line.action)}</a></p>
<p style="color:#71717a">${escapeHtml(words.footer(opts.partnerName))}</p>`;
  return { to: opts.to, subject: line.subject(opts.partnerName), text, html };
}
