import { requireStaff } from "@/lib/auth/scope";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string }> };

/** Checks access above the loading boundaries below, so a refusal is an HTTP 404. */
export default async function MembersLayout({ children, params }: Props) {
  await requireStaff((await params).partnerSlug, "members.read");
  return children;
}
