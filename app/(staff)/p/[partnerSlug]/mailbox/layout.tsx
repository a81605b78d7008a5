import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/scope";
import { smtpConfigured } from "@/lib/mail/outbox";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string }> };

/** Checks access above this segment's loading boundary, so a refusal is an HTTP 404 (see the partner's not-found). */
export default async function MailboxLayout({ children, params }: Props) {
  if (smtpConfigured()) notFound();
  await requireStaff((await params).partnerSlug, "team.manage");
  return children;
}
