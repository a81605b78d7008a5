import { requireStaff } from "@/lib/auth/scope";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string }> };

/** Checks access above this segment's loading boundary, so a refusal is an HTTP 404 (see the partner's not-found). */
export default async function AuditLayout({ children, params }: Props) {
  await requireStaff((await params).partnerSlug, "audit.read");
  return children;
}
