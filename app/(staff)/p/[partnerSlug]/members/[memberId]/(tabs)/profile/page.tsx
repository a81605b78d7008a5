import { redirect } from "next/navigation";

/** The profile is the member's own URL; this one is kept for links that name the tab. */
export default async function MemberProfileAlias({
  params,
}: {
  params: Promise<{ partnerSlug: string; memberId: string }>;
}) {
  const { partnerSlug, memberId } = await params;
  redirect(`/p/${partnerSlug}/members/${memberId}`);
}
